using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace M2MSim.Simulator.Results;

/// <summary>One CSV convention for every result file: invariant culture, "\n" line ends, UTF-8 without BOM.</summary>
public static class CsvFiles
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public static CsvWriter Create(string path, IEnumerable<string> header)
    {
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        var csv = new CsvWriter(writer, Configuration);
        foreach (var column in header) csv.WriteField(column);
        csv.NextRecord();
        return csv;
    }

    /// <summary>
    /// Opens a file this convention wrote, cut back to its first <paramref name="length"/> bytes
    /// (a row boundary recorded at a checkpoint), to append rows to it.
    /// </summary>
    public static CsvWriter Reopen(string path, long length)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        if (stream.Length < length)
        {
            stream.Dispose();
            throw new IOException($"{path} is shorter ({stream.Length} bytes) than at the checkpoint ({length} bytes).");
        }
        stream.SetLength(length);
        stream.Seek(0, SeekOrigin.End);
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        return new CsvWriter(writer, Configuration);
    }

    /// <summary>The last line of the file's first <paramref name="length"/> bytes (without its "\n"), or "" if they do not end a line.</summary>
    public static string LastLine(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (length <= 0 || stream.Length < length) return "";
        var from = Math.Max(0, length - (1 << 16));
        var bytes = new byte[length - from];
        stream.Seek(from, SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        if (bytes[^1] != (byte)'\n') return "";
        var start = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - 1 - start);
    }

    public static void Row(this CsvWriter csv, params ReadOnlySpan<string> fields)
    {
        foreach (var f in fields) csv.WriteField(f);
        csv.NextRecord();
    }

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
