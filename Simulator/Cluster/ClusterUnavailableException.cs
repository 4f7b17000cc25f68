namespace M2MSim.Simulator.Cluster;

/// <summary>The cluster could not be reached or formed: the user's setup, reported in one line (exit 2).</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
