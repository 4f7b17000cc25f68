using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Checkpoints;

/// <summary>One open negotiation as one side holds it (<see cref="Negotiation.Bargain"/>), as plain data.</summary>
public sealed record BargainState(
    int Partner,
    Resource Resource,
    Side Side,
    int Opened,
    int Unit,
    long Best,
    long Reservation,
    long UnitPrice,
    int Deadline,
    long[] Theirs,
    long? OwnLast,
    bool AwaitingPayment,
    long Agreed);
