using M2MSim.Economy.Devices;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// A tick's step results, from the thread that stepped each to the recording thread. Most steps
/// return only numbers (a money step's gift goes into <see cref="SentByChunk"/>); those are kept
/// without references, because copying a result that holds references into the heap goes through
/// the collector's write barrier: a seventh of a 100 k money tick's processor time, before.
/// </summary>
internal sealed class StepResults
{
    private const byte Full = 1, Negotiating = 2, Unsettled = 4;

    private Plain[] _plain = [];
    private DeviceStepResult[] _full = []; // only where the step's Plain says Full

    /// <summary>Makes room for a tick of <paramref name="count"/> steps.</summary>
    public void Begin(int count)
    {
        if (_plain.Length >= count) return;
        var size = Math.Max(count, 2 * _plain.Length);
        _plain = new Plain[size];
        _full = new DeviceStepResult[size];
    }

    /// <summary>Keeps step <paramref name="k"/>'s result until it is taken.</summary>
    public void Set(int k, in DeviceStepResult result)
    {
        var flags = (byte)((result.Negotiating ? Negotiating : 0) | (result.Unsettled ? Unsettled : 0));
        if (result.Orders.Length != 0 || result.Messages is not null || result.Deals is not null || result.Ledger != default)
        {
            flags |= Full;
            _full[k] = result;
        }
        _plain[k] = new(result.Wealth, result.FeesPaid, flags);
    }

    /// <summary>Step <paramref name="k"/>'s result, which is then held no longer.</summary>
    public DeviceStepResult Take(int k)
    {
        var p = _plain[k];
        if ((p.Flags & Full) == 0)
            return new([], p.Wealth, p.Fees, Negotiating: (p.Flags & Negotiating) != 0, Unsettled: (p.Flags & Unsettled) != 0);
        var result = _full[k];
        _full[k] = default;
        return result;
    }

    private readonly record struct Plain(long Wealth, long Fees, byte Flags);
}
