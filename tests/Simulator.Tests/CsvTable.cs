using System.Globalization;
using CsvHelper;

namespace M2MSim.Simulator.Tests;

/// <summary>A result file read back by column name, as pandas would.</summary>
public static class CsvTable
{
    public static (string[] Header, List<Dictionary<string, string>> Rows) Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        return (header, rows);
    }
}
