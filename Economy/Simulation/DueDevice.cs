using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Simulation;

/// <summary>A device to step in this tick, with its results to settle (sorted by order id) and the money sent to it (sorted by sender).</summary>
public readonly record struct DueDevice(int Index, OrderResult[] Settlements, PeerMessage[] Incoming);
