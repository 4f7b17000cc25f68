namespace M2MSim.Simulator.Commands;

/// <summary>Progress&lt;T&gt; posts to a synchronisation context; the progress bar wants the value now.</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
