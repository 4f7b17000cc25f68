namespace M2MSim.Economy.Markets;

/// <summary>
/// One event of a market's tape, in processing order: a quote arriving, and whether it made a deal
/// (then <see cref="Price"/> is the deal price, else the quote's price). Adaptive traders such as
/// ZIP learn from the tape.
/// </summary>
public readonly record struct Shout(Side Side, long Price, bool Deal);
