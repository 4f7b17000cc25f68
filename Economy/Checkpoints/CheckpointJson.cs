namespace M2MSim.Economy.Checkpoints;

// Stub: replaced by the checkpoint-economy branch.
public static class CheckpointJson
{
    public static string Serialize(Checkpoint checkpoint) => throw new NotImplementedException();

    public static Checkpoint DeserializeCheckpoint(string json) => throw new NotImplementedException();

    public static string SerializeLine(DeviceCheckpoint device) => throw new NotImplementedException();

    public static DeviceCheckpoint DeserializeLine(string line) => throw new NotImplementedException();
}
