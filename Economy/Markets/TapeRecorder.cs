namespace M2MSim.Economy.Markets;

/// <summary>
/// Records a tick's shouts and keeps only the last <see cref="Capacity"/>: a market of a million
/// orders would otherwise ship a million shouts to every learner each tick, and adaptive traders
/// only need the recent history of the tick. The recorder is a ring, so memory stays fixed whatever
/// the number of orders.
/// </summary>
public sealed class TapeRecorder
{
    public const int Capacity = 256;

    private readonly Shout[] _ring = new Shout[Capacity];
    private long _count;

    public void Add(Shout shout)
    {
        _ring[(int)(_count % Capacity)] = shout;
        _count++;
    }

    /// <summary>The kept shouts, oldest first.</summary>
    public Shout[] ToArray()
    {
        if (_count <= Capacity) return _ring[..(int)_count];
        var start = (int)(_count % Capacity);
        return [.. _ring[start..], .. _ring[..start]];
    }
}
