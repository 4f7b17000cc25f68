using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Checkpoints;

/// <summary>
/// One device at a tick barrier: its state, and what the engine holds for its next step (the
/// results of its orders, the messages sent to it). Markets and messages are empty at a barrier
/// except for these, so devices + markets + the header are the whole economy.
/// </summary>
/// <param name="State">Null for a device never stepped: it is still as its spec built it.</param>
/// <param name="Inbox">Order results waiting for its next step, in arrival order.</param>
/// <param name="Incoming">Messages waiting for its next step, in arrival order.</param>
public sealed record DeviceCheckpoint(int Id, DeviceState? State, OrderResult[] Inbox, PeerMessage[] Incoming);
