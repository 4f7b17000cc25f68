namespace M2MSim.Economy.Checkpoints;

/// <summary>A worn device's part at a barrier: what is left of its life and what has happened to it so far.</summary>
/// <param name="Life">Units of life the part has left.</param>
/// <param name="Downtime">Active ticks the device could not work for want of life.</param>
/// <param name="Replacements">Parts replaced with a bought unit of service.</param>
public sealed record WearState(int Life, long Downtime, long Replacements);
