namespace M2MSim.Economy.Settlement;

/// <summary>Idle compute a device committed to the network in <paramref name="Tick"/>, to be rewarded at that tick's rate.</summary>
public readonly record struct MinedCompute(int Tick, long Units);
