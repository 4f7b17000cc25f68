namespace M2MSim.Economy.Scenarios;

public enum DistributionKind
{
    Fixed = 0,
    Uniform = 1,
    Normal = 2,
}
