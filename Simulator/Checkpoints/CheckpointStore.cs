using System.Globalization;
using System.Text.Json;
using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Simulation;

namespace M2MSim.Simulator.Checkpoints;

/// <summary>
/// Checkpoints live in the run folder, under checkpoint/tick-NNNNNNNN/: run.json (the driver's
/// part), economy.json (coordinator and markets) and devices.jsonl (one device per line, id order).
/// A checkpoint is written under a .partial name and renamed when whole, so the newest complete
/// one is always usable; older ones are removed after. Written by the simulator, which owns the
/// run and its result files, so a checkpoint survives any silo (docs/cluster.md).
/// </summary>
public static class CheckpointStore
{
    public const string Directory = "checkpoint";
    public const string DevicesFile = "devices.jsonl";
    private const string RunFile = "run.json";
    private const string EconomyFile = "economy.json";
    private const string Prefix = "tick-";
    private const string HistoryFile = "history.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A damaged file must be refused here, not fail later as a null somewhere.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Captures the engine at the barrier after <paramref name="run"/>'s point and writes it.</summary>
    public static async Task<SavedCheckpoint> SaveAsync(string runFolder, ISimulationEngine engine, CheckpointRun run, CancellationToken cancellationToken)
    {
        var root = Path.Combine(runFolder, Directory);
        var name = Prefix + run.Point.Ticks.ToString("D8", CultureInfo.InvariantCulture);
        var final = Path.Combine(root, name);
        var partial = final + ".partial";
        if (System.IO.Directory.Exists(partial)) System.IO.Directory.Delete(partial, recursive: true);
        System.IO.Directory.CreateDirectory(partial);

        var economy = await engine.CaptureAsync(run.Point.Ticks, cancellationToken);
        await using (var devices = new StreamWriter(Path.Combine(partial, DevicesFile), append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16))
        {
            await foreach (var d in engine.CaptureDevicesAsync(cancellationToken))
            {
                await devices.WriteAsync(CheckpointJson.SerializeLine(d));
                await devices.WriteAsync('\n');
            }
        }
        await File.WriteAllTextAsync(Path.Combine(partial, EconomyFile), CheckpointJson.Serialize(economy), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(partial, RunFile), JsonSerializer.Serialize(run, Options), cancellationToken);

        if (System.IO.Directory.Exists(final)) System.IO.Directory.Delete(final, recursive: true);
        System.IO.Directory.Move(partial, final);
        // Only now is the new one whole: the older ones can go.
        foreach (var old in System.IO.Directory.GetDirectories(root).Where(d => Path.GetFileName(d) != name)) System.IO.Directory.Delete(old, recursive: true);
        return new SavedCheckpoint(final, run, economy);
    }

    /// <summary>The newest complete checkpoint of a run folder, or null if it has none.</summary>
    /// <exception cref="CheckpointException">It has one, but a file of it cannot be read.</exception>
    public static SavedCheckpoint? Latest(string runFolder)
    {
        var root = Path.Combine(runFolder, Directory);
        if (!System.IO.Directory.Exists(root)) return null;
        var newest = System.IO.Directory.GetDirectories(root)
            .Select(Path.GetFileName)
            .Where(n => n!.StartsWith(Prefix, StringComparison.Ordinal) && !n.EndsWith(".partial", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .LastOrDefault();
        if (newest is null) return null;
        var folder = Path.Combine(root, newest);
        var run = Read(Path.Combine(folder, RunFile), text => JsonSerializer.Deserialize<CheckpointRun>(text, Options));
        var economy = Read(Path.Combine(folder, EconomyFile), CheckpointJson.DeserializeCheckpoint);
        if (!File.Exists(Path.Combine(folder, DevicesFile))) throw new CheckpointException($"{Path.Combine(folder, DevicesFile)} is missing: the checkpoint is damaged.");
        if (run.Point.Ticks != economy.Ticks) throw new CheckpointException($"{folder}: run.json is at tick {run.Point.Ticks} but economy.json at {economy.Ticks}: the checkpoint is damaged.");
        // Resumes and recoveries after the checkpoint was taken are kept beside it.
        if (File.Exists(Path.Combine(root, HistoryFile)) && Read(Path.Combine(root, HistoryFile), text => JsonSerializer.Deserialize<RunHistory>(text, Options)) is { } history)
            run = run with { Recoveries = history.Recoveries, Resumes = history.Resumes };
        return new SavedCheckpoint(folder, run, economy);
    }

    /// <summary>Records the run's resumes and recoveries beside its checkpoints, whenever they change.</summary>
    public static void SaveHistory(string runFolder, RunHistory history)
    {
        var root = Path.Combine(runFolder, Directory);
        System.IO.Directory.CreateDirectory(root);
        var path = Path.Combine(root, HistoryFile);
        File.WriteAllText(path + ".partial", JsonSerializer.Serialize(history, Options));
        File.Move(path + ".partial", path, overwrite: true);
    }

    /// <summary>
    /// Reads a checkpoint whole before anything is changed: every device line, in id order, all of
    /// them; and the result files still as they were when it was taken (at least as long, and the
    /// same last line at that length), with this version's columns (a folder an older version wrote
    /// has fewer: going on would append rows of another width).
    /// </summary>
    /// <exception cref="CheckpointException">It does not hold: the message names the file and line.</exception>
    public static async Task VerifyAsync(SavedCheckpoint saved, string runFolder, int devices, bool trades, CancellationToken cancellationToken)
    {
        var next = 0;
        await foreach (var d in saved.DevicesAsync(cancellationToken))
        {
            if (d.Id != next) throw new CheckpointException($"{Path.Combine(saved.Folder, DevicesFile)}:{next + 1}: device {d.Id} where device {next} was expected: the checkpoint is damaged.");
            next++;
        }
        if (next != devices) throw new CheckpointException($"{Path.Combine(saved.Folder, DevicesFile)} holds {next:N0} devices; the run has {devices:N0}: the checkpoint is damaged.");
        var point = saved.Run.Point;
        Same(Results.ResultWriter.TicksFile(runFolder), point.TicksCsvBytes, point.TicksTail, Results.ResultWriter.TickColumns);
        if (trades) Same(Results.ResultWriter.TradesFile(runFolder), point.TradesCsvBytes, point.TradesTail, Results.ResultWriter.TradeColumns);
    }

    private static void Same(string file, long length, string tail, string[] columns)
    {
        if (!File.Exists(file)) throw new CheckpointException($"{file} is missing: the run cannot go on from its checkpoint.");
        using (var reader = new StreamReader(file))
        {
            if (reader.ReadLine() != string.Join(',', columns))
                throw new CheckpointException($"{file} does not have the columns this version writes ({columns.Length}: {string.Join(", ", columns)}); it was written by another version of M2MSim, so the run cannot go on from its checkpoint here: run the scenario again.");
        }
        if (new FileInfo(file).Length < length || Results.CsvFiles.LastLine(file, length) != tail)
            throw new CheckpointException($"{file} was changed since the checkpoint (its first {length:N0} bytes do not end with the line they ended with): the run cannot go on from it.");
    }

    /// <summary>Removes every checkpoint of a run folder (a completed run needs none).</summary>
    public static void Remove(string runFolder)
    {
        var root = Path.Combine(runFolder, Directory);
        if (System.IO.Directory.Exists(root)) System.IO.Directory.Delete(root, recursive: true);
    }

    private static T Read<T>(string path, Func<string, T?> parse) where T : class
    {
        try
        {
            return parse(File.ReadAllText(path)) ?? throw new CheckpointException($"{path} is empty: the checkpoint is damaged.");
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            throw new CheckpointException($"{path} cannot be read: {e.Message}");
        }
    }
}
