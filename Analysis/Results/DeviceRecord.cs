namespace M2MSim.Analysis.Results;

/// <summary>The columns of a devices.csv row that analyses use (see docs/output.md). Money is in money units.</summary>
public sealed record DeviceRecord(int Device, string Type, decimal Balance, decimal Escrow, decimal Surplus)
{
    public decimal Wealth => Balance + Escrow;
}
