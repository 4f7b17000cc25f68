using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Simulation;

namespace M2MSim.Economy.Tests.Checkpoints;

/// <summary>
/// A checkpoint as it would be stored: the header's JSON and one JSON line per device. Tests restore
/// from the text only, so everything a run needs must survive the JSON round trip.
/// </summary>
internal sealed record CheckpointFile(string Header, string[] Lines)
{
    /// <summary>The barrier after <paramref name="ticks"/> ticks of <paramref name="engine"/>, through <see cref="CheckpointJson"/>.</summary>
    public static async Task<CheckpointFile> TakeAsync(ISimulationEngine engine, int ticks)
    {
        var ct = CancellationToken.None;
        var header = CheckpointJson.Serialize(await engine.CaptureAsync(ticks, ct));
        var lines = await engine.CaptureDevicesAsync(ct).Select(CheckpointJson.SerializeLine).ToArrayAsync(ct);
        Assert.All(lines, l => Assert.DoesNotContain('\n', l));
        var file = new CheckpointFile(header, lines);
        // Reading and writing again gives the same text: nothing is lost or changed on the way.
        Assert.Equal(header, CheckpointJson.Serialize(file.Checkpoint));
        Assert.Equal(lines, file.Devices.Select(CheckpointJson.SerializeLine));
        return file;
    }

    public Checkpoint Checkpoint => CheckpointJson.DeserializeCheckpoint(Header);

    public IEnumerable<DeviceCheckpoint> Devices => Lines.Select(CheckpointJson.DeserializeLine);

    /// <summary>The whole file, for comparing two checkpoints at once.</summary>
    public string Text => Header + "\n" + string.Join("\n", Lines);

    public Task<long> RestoreIntoAsync(ISimulationEngine engine) =>
        engine.RestoreAsync(Checkpoint, Devices.ToAsyncEnumerable(), CancellationToken.None);
}
