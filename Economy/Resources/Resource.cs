namespace M2MSim.Economy.Resources;

/// <summary>The three goods devices trade. The numeric values index per-resource arrays.</summary>
public enum Resource
{
    Compute = 0,
    Bandwidth = 1,
    Data = 2,
}
