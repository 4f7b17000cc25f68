namespace M2MSim.Simulator.Checkpoints;

/// <summary>
/// Where the run driver stands at a tick barrier: ticks run, how long its result files are (so a
/// resumed run cuts them back to exactly this point) and their last line then (so a file changed
/// since is noticed), and its running totals.
/// </summary>
public sealed record RunPoint(int Ticks, long TicksCsvBytes, long TradesCsvBytes, long Trades, long Volume, string TicksTail = "", string TradesTail = "")
{
    public static readonly RunPoint Start = new(0, 0, 0, 0, 0);
}
