namespace M2MSim.Simulator.Cluster;

/// <param name="Redis">The cluster's Redis (host:port); null with <paramref name="Silos"/> starts a redis-server.</param>
/// <param name="Silos">Local silo processes to start; 0 joins silos that already run.</param>
/// <param name="ClusterId">Null: m2msim-cluster to join, a fresh id for local silos (so they never join strangers on a shared Redis).</param>
/// <param name="ServiceId">Null: m2msim.</param>
public sealed record ClusterRequest(string? Redis, int Silos, string? ClusterId, string? ServiceId);
