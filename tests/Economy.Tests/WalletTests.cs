using M2MSim.Economy.Wallets;

namespace M2MSim.Economy.Tests;

public sealed class WalletTests
{
    [Fact]
    public void Reserve_moves_funds_into_escrow_and_keeps_the_total()
    {
        var w = new Wallet(100);
        Assert.True(w.TryReserve(30));
        Assert.Equal(70, w.Balance);
        Assert.Equal(30, w.Escrow);
        Assert.Equal(100, w.Total);
    }

    [Fact]
    public void Reserve_beyond_the_balance_fails_and_changes_nothing()
    {
        var w = new Wallet(100);
        Assert.False(w.TryReserve(101));
        Assert.Equal(100, w.Balance);
        Assert.Equal(0, w.Escrow);
    }

    [Fact]
    public void Paying_more_than_escrow_or_balance_throws_and_changes_nothing()
    {
        var w = new Wallet(100);
        w.TryReserve(40);
        Assert.Throws<InvalidOperationException>(() => w.PayFromEscrow(41));
        Assert.Throws<InvalidOperationException>(() => w.Pay(61));
        Assert.Throws<InvalidOperationException>(() => w.Release(41));
        Assert.Equal(60, w.Balance);
        Assert.Equal(40, w.Escrow);
    }

    [Fact]
    public void Negative_amounts_are_refused()
    {
        var w = new Wallet(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => w.Receive(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => w.TryReserve(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Wallet(-1));
    }
}
