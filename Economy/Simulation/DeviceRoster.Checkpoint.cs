using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Simulation;

public sealed partial class DeviceRoster
{
    /// <summary>What the roster holds for a device at a barrier, with the device's state (null: never stepped).</summary>
    /// <remarks>
    /// Copies, sorted as the device will read them (<see cref="TakeDue"/>), not in arrival order:
    /// markets answer in any order on the grains, and a checkpoint must not depend on it, so both
    /// engines write the same one.
    /// </remarks>
    public DeviceCheckpoint Capture(int index, DeviceState? state)
    {
        var incoming = _incoming.Peek(index);
        BySender(incoming);
        return new(_specs[index].Id, state, OrderResults.SortById(_inbox.Peek(index)), incoming);
    }

    /// <summary>Puts back what a checkpoint holds for a device: its inbox, its messages and its wealth.</summary>
    public void Restore(int index, DeviceCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var id = _specs[index].Id;
        if (checkpoint.Id != id) throw new InvalidOperationException($"The checkpoint of device {checkpoint.Id} was given for device {id}.");
        foreach (var r in checkpoint.Inbox)
        {
            if (r.Device != id) throw new InvalidOperationException($"The checkpoint of device {id} holds the result of device {r.Device}'s order {r.OrderId}.");
        }
        foreach (var m in checkpoint.Incoming)
        {
            if (m.To != id) throw new InvalidOperationException($"The checkpoint of device {id} holds a message to device {m.To}.");
        }
        foreach (var r in checkpoint.Inbox) _inbox.Add(index, r);
        foreach (var m in checkpoint.Incoming) _incoming.Add(index, m);
        // What the device reported after its last step is its wallet as it stands at the barrier,
        // with the money paid to it that the ledger has not confirmed yet.
        _wealth[index] = checkpoint.State is { } s ? checked(s.Balance + s.Escrow + (s.Pending?.Sum(p => p.Amount) ?? 0)) : _specs[index].InitialBalance;
        _negotiating[index] = checkpoint.State is { Bargains.Length: > 0 } or { Pending: not null } or { Mined: not null };
    }

    /// <summary>Sets the money sent and received so far (the engine's totals; only their difference is ever read).</summary>
    public void RestoreTotals(long sent, long received)
    {
        Sent = sent;
        Received = received;
    }
}
