namespace M2MSim.Economy.Markets;

public static class OrderResults
{
    /// <summary>
    /// A device settles its results in order-id order, whatever order the markets delivered them
    /// in, so its state never depends on message arrival.
    /// </summary>
    public static OrderResult[] SortById(OrderResult[] results)
    {
        SortById(results.AsSpan());
        return results;
    }

    /// <inheritdoc cref="SortById(OrderResult[])"/>
    public static void SortById(Span<OrderResult> results)
    {
        if (results.Length > 1) results.Sort(static (a, b) => a.OrderId.CompareTo(b.OrderId));
    }
}
