namespace M2MSim.Simulator.Results;

/// <summary>The output folder cannot be used: a bad-input error (exit code 2).</summary>
public sealed class RunFolderException(string message) : Exception(message);
