using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// A device to step in this tick, with its results to settle (sorted by order id) and the messages
/// sent to it (sorted by sender): slices of the roster's buffers, valid until its next TakeDue.
/// </summary>
public readonly record struct DueDevice(int Index, ReadOnlyMemory<OrderResult> Settlements, ReadOnlyMemory<PeerMessage> Incoming);
