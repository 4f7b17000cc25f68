using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>Replays a list of parsing events, so a filtered event stream can be loaded into a YamlStream.</summary>
internal sealed class EventList : IParser
{
    private readonly IReadOnlyList<ParsingEvent> _events;
    private int _index = -1;

    public EventList(IReadOnlyList<ParsingEvent> events)
    {
        _events = events;
    }

    public ParsingEvent? Current => _index >= 0 && _index < _events.Count ? _events[_index] : null;

    public bool MoveNext()
    {
        if (_index < _events.Count) _index++;
        return _index < _events.Count;
    }
}
