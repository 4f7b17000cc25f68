namespace M2MSim.Economy.Devices;

/// <summary>Consecutive device ids: a population's, since ids are given out population by population.</summary>
public readonly record struct IdRange(int First, int Count);
