namespace M2MSim.Simulator.Sweeps;

/// <summary>The sweep cannot be made as asked (a bad --vary, a grid too large, a folder holding another sweep): exit code 2.</summary>
public sealed class SweepException(string message) : Exception(message);
