namespace M2MSim.Analysis.Results;

/// <summary>A run folder or one of its files cannot be used; the message names the file.</summary>
public sealed class ResultFileException(string message) : Exception(message);
