using System.Text;
using M2MSim.Analysis.Charts;

namespace M2MSim.Analysis.Reports;

/// <summary>A finished report in memory: the HTML page and the charts it embeds, ready to be written together.</summary>
public sealed record ReportBundle(string HtmlName, string Html, IReadOnlyList<ChartImage> Charts, IReadOnlyList<(string Name, byte[] Content)> Extra)
{
    public IReadOnlyList<(string Name, byte[] Content)> Files() =>
        [(HtmlName, Encoding.UTF8.GetBytes(Html)), .. Charts.Select(c => (c.FileName, c.Png)), .. Extra];
}
