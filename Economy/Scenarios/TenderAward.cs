namespace M2MSim.Economy.Scenarios;

/// <summary>What an awarded provider of a tender is paid per unit.</summary>
public enum TenderAward
{
    /// <summary>First price: its own ask.</summary>
    First = 0,

    /// <summary>
    /// Second price (Vickrey): the lowest ask of another provider that could also have taken the
    /// job, or the job's reserve if none could; never above the reserve.
    /// </summary>
    Second = 1,
}
