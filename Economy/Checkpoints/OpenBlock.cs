namespace M2MSim.Economy.Checkpoints;

/// <summary>A tick's transactions waiting for confirmation: spendable from tick <paramref name="Confirms"/>; <paramref name="Submitted"/> is the running count through that tick.</summary>
public readonly record struct OpenBlock(int Tick, int Confirms, long Submitted);
