using System.Runtime.CompilerServices;
namespace M2MSim.Economy.Wallets;

/// <summary>
/// A device's money: a free balance and an escrow of funds reserved by open bids. Neither can
/// go negative, and their sum always fits in a <c>long</c> (so <see cref="Total"/> never wraps);
/// every method either succeeds whole or throws and changes nothing.
/// </summary>
public sealed class Wallet
{
    public Wallet(long balance, long escrow = 0)
    {
        if (balance < 0) throw new ArgumentOutOfRangeException(nameof(balance), balance, "A balance cannot be negative.");
        if (escrow < 0) throw new ArgumentOutOfRangeException(nameof(escrow), escrow, "An escrow cannot be negative.");
        if (balance > long.MaxValue - escrow) throw new ArgumentOutOfRangeException(nameof(escrow), escrow, "Balance + escrow does not fit in a long.");
        Balance = balance;
        Escrow = escrow;
    }

    /// <summary>Free funds.</summary>
    public long Balance { get; private set; }

    /// <summary>Funds reserved for open bids.</summary>
    public long Escrow { get; private set; }

    /// <summary>All the money the wallet holds: what money conservation counts.</summary>
    public long Total => Balance + Escrow;

    /// <summary>Moves funds from the balance into escrow; false (and no change) if they are not there.</summary>
    public bool TryReserve(long amount)
    {
        RequireNonNegative(amount);
        if (amount > Balance) return false;
        Balance -= amount;
        Escrow += amount;
        return true;
    }

    /// <summary>Returns reserved funds to the balance.</summary>
    public void Release(long amount)
    {
        RequireNonNegative(amount);
        if (amount > Escrow) throw new InvalidOperationException($"Cannot release {amount}: only {Escrow} is in escrow.");
        Escrow -= amount;
        Balance += amount;
    }

    /// <summary>Pays out of escrow: the money leaves this wallet.</summary>
    public void PayFromEscrow(long amount)
    {
        RequireNonNegative(amount);
        if (amount > Escrow) throw new InvalidOperationException($"Cannot pay {amount} from escrow: only {Escrow} is reserved.");
        Escrow -= amount;
    }

    /// <summary>Pays out of the free balance: the money leaves this wallet.</summary>
    public void Pay(long amount)
    {
        RequireNonNegative(amount);
        if (amount > Balance) throw new InvalidOperationException($"Cannot pay {amount}: the balance is {Balance}.");
        Balance -= amount;
    }

    /// <summary>Adds funds to the balance; throws if the total would no longer fit in a long.</summary>
    public void Receive(long amount)
    {
        RequireNonNegative(amount);
        // Checking the total (not only the balance) keeps Total exact: Reserve and Release move
        // money between the two parts, so they cannot overflow as long as the sum fits.
        _ = checked(Total + amount);
        Balance += amount;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // every payment checks: a compare, with the throw out of line
    private static void RequireNonNegative(long amount)
    {
        if (amount < 0) ThrowNegative(amount);
    }

    private static void ThrowNegative(long amount) => throw new ArgumentOutOfRangeException(nameof(amount), amount, "Amounts are never negative.");
}
