namespace M2MSim.Economy.Scenarios;

public enum MarketMechanism
{
    /// <summary>Continuous double auction.</summary>
    Cda = 0,
}
