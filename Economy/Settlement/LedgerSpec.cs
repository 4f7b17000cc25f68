namespace M2MSim.Economy.Settlement;

/// <summary>
/// The scenario's settlement ledger (root key <c>ledger</c>; absent: <see cref="Direct"/>). Each kind
/// uses its own settings and ignores the others (kept so one file can be swept across kinds).
/// </summary>
/// <param name="Fee">Chain: micro-units each transaction costs its payer, paid to the validators (the reward pool).</param>
/// <param name="Pow">Feeless: compute units of proof of work each transaction costs its payer.</param>
/// <param name="Block">Chain: transactions one block holds; one block per tick.</param>
/// <param name="Delay">Ticks from a transaction's block (chain) or submission (feeless) to its confirmation.</param>
public sealed record LedgerSpec(LedgerKind Kind, long Fee = 0, int Pow = 0, int Block = 0, int Delay = 0)
{
    public static readonly LedgerSpec Direct = new(LedgerKind.Direct);

    /// <summary>Whether money a device is paid waits for a confirmation before it can be spent.</summary>
    public bool Confirms => Kind != LedgerKind.Direct;

    /// <summary>The name used in scenario files.</summary>
    public string Name => NameOf(Kind);

    /// <summary>A kind's name in scenario files (and manifests, whose JSON writes enums the same way).</summary>
    public static string NameOf(LedgerKind kind) => kind.ToString().ToLowerInvariant();
}
