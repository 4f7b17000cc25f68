using System.Net;
using System.Text;
using M2MSim.Analysis.Charts;

namespace M2MSim.Analysis.Reports;

/// <summary>
/// Builds one self-contained HTML page: styles inline and charts as base64 data URIs, so the file
/// can be mailed or archived alone and opens offline. It never links to anything outside itself.
/// </summary>
public sealed class HtmlReport
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 1080px; margin: 2em auto; padding: 0 1em; color: #222; }
        h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { margin-top: 1.5em; }
        table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
        th { background: #f3f3f3; } td:first-child, th:first-child { text-align: left; }
        caption, figcaption, .note { color: #555; font-size: 0.88em; text-align: left; caption-side: bottom; padding-top: 0.3em; }
        figure { margin: 1em 0; } img { max-width: 100%; border: 1px solid #eee; }
        code { background: #f5f5f5; padding: 0 0.2em; }
        """;

    private readonly StringBuilder _body = new();
    private readonly string _title;

    public HtmlReport(string title) => _title = title;

    public HtmlReport Heading(int level, string text)
    {
        _body.Append($"<h{level}>{Encode(text)}</h{level}>\n");
        return this;
    }

    public HtmlReport Paragraph(string text, bool note = false)
    {
        _body.Append(note ? "<p class=\"note\">" : "<p>").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A table whose caption names the CSV columns its numbers come from.</summary>
    public HtmlReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string caption, string? id = null)
    {
        _body.Append(id is null ? "<table>" : $"<table id=\"{Encode(id)}\">");
        _body.Append("<caption>").Append(Encode(caption)).Append("</caption>\n<tr>");
        foreach (var h in headers) _body.Append("<th>").Append(Encode(h)).Append("</th>");
        _body.Append("</tr>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row) _body.Append("<td>").Append(Encode(cell)).Append("</td>");
            _body.Append("</tr>\n");
        }
        _body.Append("</table>\n");
        return this;
    }

    public HtmlReport Figure(ChartImage chart)
    {
        _body.Append($"<figure id=\"{Encode(chart.FileName)}\"><img alt=\"{Encode(chart.Title)}\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(chart.Png))
            .Append("\"><figcaption>").Append(Encode(chart.Title)).Append(" (").Append(Encode(chart.FileName)).Append("). Source: ")
            .Append(Encode(chart.Caption)).Append("</figcaption></figure>\n");
        return this;
    }

    public string Build() =>
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Encode(_title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n" +
        $"<h1>{Encode(_title)}</h1>\n{_body}</body>\n</html>\n";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
