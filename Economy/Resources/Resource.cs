namespace M2MSim.Economy.Resources;

/// <summary>The four goods devices trade. The numeric values index per-resource arrays.</summary>
public enum Resource
{
    Compute = 0,
    Bandwidth = 1,
    Data = 2,

    /// <summary>A service centre's replacement visit (a new cartridge fitted): what a worn part needs. Added last, so the other resources keep their indices.</summary>
    Service = 3,
}
