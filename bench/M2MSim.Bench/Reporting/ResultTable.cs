using System.Globalization;
using System.Text;
using M2MSim.Bench.Measuring;
using Spectre.Console;

namespace M2MSim.Bench.Reporting;

/// <summary>The measurements as a console table, a markdown table (for docs/performance.md) and a CSV file.</summary>
public static class ResultTable
{
    private static readonly string[] Header =
    [
        "devices", "model", "engine", "gc", "ticks", "start s", "tick 0 s", "s/tick", "device steps/tick", "device steps/s",
        "grain calls/tick", "floor calls/s", "engine/floor", "floor activation s", "peak RSS MB", "bytes/device", "live heap MB", "allocated bytes/step", "gc paused %", "note", "calls s/tick", "calls/floor",
    ];

    public static string[] Cells(Measurement m)
    {
        var calls = m.Engine.StartsWith("orleans", StringComparison.Ordinal) || m.Engine == FloorAlone.Engine ? N(m.StepsPerTick + m.BatchCallsPerTick) : "-";
        return
        [
            N(m.Devices), m.Model, m.Engine, m.Gc, N(m.Ticks), F(m.StartSeconds, 2), F(m.FirstTickSeconds, 2), F(m.LaterTickSeconds, 3),
            N(m.StepsPerTick), N(m.StepsPerSecond), calls, m.FloorCallsPerSecond is { } f ? N(f) : "-",
            m.FloorRatio is { } r ? F(r, 2) : "-", m.FloorActivationSeconds is { } a ? F(a, 1) : "-",
            N(m.PeakRssBytes / 1048576.0), N(m.PeakBytesPerDevice), m.LiveHeapBytes > 0 ? N(m.LiveHeapBytes / 1048576.0) : "-",
            m.AllocatedBytesPerStep is { } b ? N(b) : "-", m.GcPausedShare is { } g ? F(100 * g, 1) : "-", m.Error ?? m.Note ?? "",
            m.CallPhaseSeconds is { } c ? F(c, 3) : "-", m.CallPhaseFloorRatio is { } cr ? F(cr, 2) : "-",
        ];
    }

    public static Table Console(IEnumerable<Measurement> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in Header) table.AddColumn(new TableColumn(Markup.Escape(h)));
        foreach (var m in rows) table.AddRow(Cells(m).Select(c => new Markup(Markup.Escape(c))).ToArray());
        return table;
    }

    public static string Markdown(IEnumerable<Measurement> rows, MachineInfo machine, string command)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Measured with `{command}`  ");
        md.AppendLine(CultureInfo.InvariantCulture, $"{machine}");
        md.AppendLine();
        md.AppendLine("| " + string.Join(" | ", Header) + " |");
        md.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", Header.Length)));
        foreach (var m in rows) md.AppendLine("| " + string.Join(" | ", Cells(m)) + " |");
        return md.ToString();
    }

    public static string Csv(IEnumerable<Measurement> rows, MachineInfo machine, string command)
    {
        var csv = new StringBuilder();
        csv.AppendLine("devices,model,engine,gc,ticks,start_s,tick0_s,s_per_tick,device_steps_per_tick,device_steps_per_s,batch_calls_per_tick,floor_calls_per_s,engine_floor_ratio,floor_activation_s,peak_rss_bytes,live_heap_bytes,allocated_bytes_per_step,gc_paused_share,note,call_phase_s,call_phase_floor_ratio,commit,cores,command");
        foreach (var m in rows)
        {
            string[] cells =
            [
                I(m.Devices), m.Model, m.Engine, m.Gc, I(m.Ticks), R(m.StartSeconds), R(m.FirstTickSeconds), R(m.LaterTickSeconds),
                R(m.StepsPerTick), R(m.StepsPerSecond), I(m.BatchCallsPerTick), m.FloorCallsPerSecond is { } f ? R(f) : "",
                m.FloorRatio is { } r ? R(r) : "", m.FloorActivationSeconds is { } a ? R(a) : "", I(m.PeakRssBytes), I(m.LiveHeapBytes), m.AllocatedBytesPerStep is { } b ? R(b) : "", m.GcPausedShare is { } g ? R(g) : "", m.Error ?? m.Note ?? "",
                m.CallPhaseSeconds is { } c ? R(c) : "", m.CallPhaseFloorRatio is { } cr ? R(cr) : "", machine.Commit, I(machine.Cores), command,
            ];
            csv.AppendLine(string.Join(',', cells.Select(Quote)));
        }
        return csv.ToString();
    }

    private static string N(double x) => x.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double x, int digits) => x.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string I(long x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
