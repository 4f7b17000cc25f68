namespace M2MSim.Grains.Tests;

/// <summary>Two silos, so grains of one run are spread out and their messages are really serialized.</summary>
public sealed class TwoSiloClusterFixture() : ClusterFixture(2);
