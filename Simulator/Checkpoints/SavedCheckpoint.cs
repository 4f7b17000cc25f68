using System.Runtime.CompilerServices;
using M2MSim.Economy.Checkpoints;

namespace M2MSim.Simulator.Checkpoints;

/// <summary>A checkpoint on disk: the run's part and the economy's header read, the devices streamed on demand.</summary>
public sealed record SavedCheckpoint(string Folder, CheckpointRun Run, Checkpoint Economy)
{
    public int Ticks => Economy.Ticks;

    public async IAsyncEnumerable<DeviceCheckpoint> DevicesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Path.Combine(Folder, CheckpointStore.DevicesFile));
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            DeviceCheckpoint device;
            try
            {
                device = CheckpointJson.DeserializeLine(line);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or NotSupportedException)
            {
                throw new CheckpointException($"{Path.Combine(Folder, CheckpointStore.DevicesFile)}:{number}: not a device checkpoint: {e.Message}");
            }
            yield return device;
        }
    }
}
