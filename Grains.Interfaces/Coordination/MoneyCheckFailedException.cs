using M2MSim.Economy.Simulation;

namespace M2MSim.Grains.Coordination;

/// <summary>
/// <see cref="MoneyNotConservedException"/> as it crosses a grain boundary: the economy's exception
/// stays free of Orleans, so the coordinator sends this one and the engine turns it back.
/// </summary>
[GenerateSerializer]
public sealed class MoneyCheckFailedException : Exception
{
    public MoneyCheckFailedException(MoneyNotConservedException e) : base(e.Message)
    {
        Tick = e.Tick;
        Expected = e.Expected;
        Actual = e.Actual;
    }

    [Id(0)]
    public int Tick { get; private set; }

    [Id(1)]
    public long Expected { get; private set; }

    [Id(2)]
    public long Actual { get; private set; }

    public MoneyNotConservedException ToEconomy() => new(Tick, Expected, Actual);
}
