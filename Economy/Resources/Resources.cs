namespace M2MSim.Economy.Resources;

/// <summary>Names, parsing and physical properties of <see cref="Resource"/>.</summary>
public static class Resources
{
    public const int Count = 4;

    public static readonly Resource[] All = [Resource.Compute, Resource.Bandwidth, Resource.Data, Resource.Service];

    /// <summary>The lower-case name used in scenario files and CSV columns.</summary>
    public static string Name(this Resource resource) => resource switch
    {
        Resource.Compute => "compute",
        Resource.Bandwidth => "bandwidth",
        Resource.Data => "data",
        Resource.Service => "service",
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };

    public static bool TryParse(string text, out Resource resource)
    {
        foreach (var r in All)
        {
            if (string.Equals(r.Name(), text, StringComparison.Ordinal))
            {
                resource = r;
                return true;
            }
        }
        resource = default;
        return false;
    }

    /// <summary>
    /// Compute and bandwidth of a tick cannot be stored: what a device has not sold by its next
    /// active tick is lost. Nor can a service centre's visit capacity: a visit not sold in its tick
    /// is a technician's idle hour. Data keeps.
    /// </summary>
    public static bool IsPerishable(this Resource resource) => resource != Resource.Data;
}
