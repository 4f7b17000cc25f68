using System.Text.Json;

namespace M2MSim.Simulator.Tests;

/// <summary>
/// Work that can be resumed is never thrown away, and a damaged checkpoint or result file is bad
/// input found before anything is changed: Ctrl+C keeps a run with a checkpoint as &lt;name&gt;.interrupted,
/// also during a resume, and `run --resume` refuses a folder whose files changed since.
/// </summary>
public sealed class ResumeSafetyTests
{
    private static readonly string Quickstart = Path.Combine(Cli.RepoRoot, "scenarios", "quickstart.yaml");

    [Fact]
    public async Task Ctrl_C_keeps_a_run_with_a_checkpoint_to_resume_also_during_a_resume_and_damage_is_refused_untouched()
    {
        var work = Cli.NewTempDirectory();
        using (var first = Cli.Start(work, "run", Quickstart, "--out", "long", "--ticks", "1000000", "--checkpoint-every", "5", "--engine", "reference"))
        {
            var result = await CancellationTests.InterruptWhen(first, () => NewestCheckpoint(work, ".long.partial-*") >= 10, "no checkpoint at tick 10");
            Assert.Equal(130, result.ExitCode);
            Assert.Contains("run --resume", result.Stderr);
        }
        var kept = Path.Combine(work, "long.interrupted");
        var firstCheckpoint = NewestCheckpoint(work, "long.interrupted");
        Assert.True(firstCheckpoint >= 10);

        using (var resumed = Cli.Start(work, "run", "--resume", kept))
        {
            var result = await CancellationTests.InterruptWhen(resumed, () => NewestCheckpoint(work, ".long.partial-*") > firstCheckpoint, "no newer checkpoint");
            Assert.Equal(130, result.ExitCode);
        }
        // Kept again, further on, with both resumes... of which one so far: the first run was not a resume.
        var second = NewestCheckpoint(work, "long.interrupted");
        Assert.True(second > firstCheckpoint);
        using (var history = JsonDocument.Parse(File.ReadAllText(Path.Combine(kept, "checkpoint", "history.json"))))
            Assert.Equal(firstCheckpoint, Assert.Single(history.RootElement.GetProperty("resumes").EnumerateArray()).GetProperty("from_tick").GetInt32());

        // A damaged device line: bad input naming file and line; the folder is left exactly as it was.
        var damaged = Copy(kept, Path.Combine(work, "damaged"));
        var devices = Directory.GetFiles(Path.Combine(damaged, "checkpoint"), "devices.jsonl", SearchOption.AllDirectories).Single();
        var lines = File.ReadAllLines(devices);
        lines[41] = "{\"id\": \"forty-one\"}";
        File.WriteAllLines(devices, lines);
        var before = Snapshot(damaged);
        var bad = await Cli.Run(work, "run", "--resume", damaged);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("devices.jsonl:42", bad.Stderr);
        Assert.DoesNotContain("   at ", bad.Stderr);
        Assert.Equal(before, Snapshot(damaged));

        // A result file changed before the checkpoint's point: refused, nothing cut.
        var edited = Copy(kept, Path.Combine(work, "edited"));
        var ticks = Path.Combine(edited, "ticks.csv");
        File.WriteAllLines(ticks, File.ReadAllLines(ticks).Where((_, i) => i != 2));
        before = Snapshot(edited);
        var changed = await Cli.Run(work, "run", "--resume", edited);
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("ticks.csv was changed since the checkpoint", changed.Stderr);
        Assert.Equal(before, Snapshot(edited));

        // Written by a version with other columns (here one renamed, so lengths and last lines still
        // match): going on would append rows of another width. Refused, nothing cut.
        var older = Copy(kept, Path.Combine(work, "older"));
        ticks = Path.Combine(older, "ticks.csv");
        var text = File.ReadAllText(ticks);
        File.WriteAllText(ticks, "tick,resource,trade" + text["tick,resource,trades".Length..].Insert(0, "z"));
        before = Snapshot(older);
        var version = await Cli.Run(work, "run", "--resume", older);
        Assert.Equal(2, version.ExitCode);
        Assert.Contains("does not have the columns this version writes", version.Stderr);
        Assert.DoesNotContain("   at ", version.Stderr);
        Assert.Equal(before, Snapshot(older));
    }

    private static int NewestCheckpoint(string work, string pattern) =>
        Directory.GetDirectories(work, pattern).Select(d => Path.Combine(d, "checkpoint")).Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories).Select(Path.GetFileName)
            .Where(n => n!.StartsWith("tick-", StringComparison.Ordinal) && !n.EndsWith(".partial", StringComparison.Ordinal))
            .Select(n => int.Parse(n!["tick-".Length..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max();

    private static string Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to));
        return to;
    }

    private static string Snapshot(string folder) => string.Join("\n",
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}"));
}
