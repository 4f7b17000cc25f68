using System.Globalization;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>Builds the field paths errors are reported with: <c>devices[1].values.data</c>.</summary>
internal static class FieldPath
{
    public const string Root = "(root)";

    public static string Key(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Index(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");
}
