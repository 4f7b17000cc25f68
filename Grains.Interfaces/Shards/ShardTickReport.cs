using M2MSim.Economy.Devices;
using M2MSim.Economy.Settlement;

namespace M2MSim.Grains.Shards;

/// <summary>A shard's part of a tick barrier.</summary>
/// <param name="Wealth">
/// Balance + escrow of each of the shard's devices, in local order. One of two buffers the shard
/// takes in turn (a fresh array a step was a large object at a million devices), so it holds until
/// the shard's next step but one: the coordinator keeps only the last step's reports.
/// </param>
/// <param name="FeesPaid">Fees its devices paid in this tick.</param>
/// <param name="Active">Devices it stepped.</param>
/// <param name="Outgoing">Messages (money, negotiation moves) its devices sent to other shards' devices in this tick, for the coordinator to route (the shard delivered those to its own devices).</param>
/// <param name="Sent">Money its devices have sent since the start.</param>
/// <param name="Received">Money credited to its devices since the start.</param>
/// <param name="Messages">Messages its devices sent in this tick, to any device and not lost: the final settlement goes on while any moves.</param>
/// <param name="Offline">Its devices offline or failed in this tick.</param>
/// <param name="Lost">Negotiation moves its devices sent that the network lost.</param>
/// <param name="Ledger">What its devices stepped did on the settlement ledger.</param>
/// <param name="OfflineByType">Of <paramref name="Offline"/>, how many of each device type (the scenario's types, in order), for the dashboard.</param>
[GenerateSerializer, Immutable]
public sealed record ShardTickReport(
    [property: Id(0)] long[] Wealth,
    [property: Id(1)] long FeesPaid,
    [property: Id(2)] int Active,
    [property: Id(3)] PeerMessage[] Outgoing,
    [property: Id(4)] long Sent,
    [property: Id(5)] long Received,
    [property: Id(10)] int Messages,
    [property: Id(6)] int Offline = 0,
    [property: Id(7)] int Lost = 0,
    [property: Id(8)] int[]? OfflineByType = null,
    [property: Id(9)] LedgerActivity Ledger = default);
