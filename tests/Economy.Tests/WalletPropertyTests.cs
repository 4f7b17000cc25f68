using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Wallets;

namespace M2MSim.Economy.Tests;

/// <summary>
/// Random operation sequences against a model of the wallet: the examples in <see cref="WalletTests"/>
/// pin single cases, these check that no sequence ever breaks the invariants.
/// </summary>
public sealed class WalletPropertyTests
{
    private enum Op
    {
        TryReserve,
        Release,
        PayFromEscrow,
        Pay,
        Receive,
    }

    private sealed record Step(Op Op, long Amount);

    /// <summary>
    /// Amounts that hit every path: small ones (which often succeed), negatives, ones just around
    /// the current balance or escrow are found by chance among the small ones, and huge ones near
    /// long.MaxValue (which probe overflow of the balance and of the total).
    /// </summary>
    private static readonly Gen<long> Amount = Gen.Frequency(
        (6, Gen.Choose(0, 200).Select(x => (long)x)),
        (1, Gen.Choose(-200, -1).Select(x => (long)x)),
        (1, Gen.Constant(long.MinValue)),
        (2, Gen.Choose(0, 1_000).Select(x => long.MaxValue - x)),
        (1, Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => ((long)t.Item1 << 32) | (uint)t.Item2)));

    private static readonly Gen<Step> Steps =
        from op in Gen.Elements(Enum.GetValues<Op>())
        from amount in Amount
        select new Step(op, amount);

    private static readonly Gen<(long Balance, long Escrow)> Starts = Gen.OneOf(
        Gen.Choose(0, 300).Two().Select(t => ((long)t.Item1, (long)t.Item2)),
        Gen.Choose(0, 1_000).Two().Select(t => (long.MaxValue / 2 - t.Item1, long.MaxValue / 2 - t.Item2)),
        Gen.Choose(0, 1_000).Select(x => (long.MaxValue - x, 0L)));

    [Property(MaxTest = 1_000)]
    public Property No_sequence_breaks_the_wallet() =>
        Prop.ForAll(Starts.ToArbitrary(), Steps.ListOf().ToArbitrary(), (start, steps) =>
        {
            var wallet = new Wallet(start.Balance, start.Escrow);
            foreach (var step in steps)
            {
                var (balance, escrow, total) = (wallet.Balance, wallet.Escrow, wallet.Total);
                var succeeded = Apply(wallet, step);

                Assert.True(wallet.Balance >= 0, $"{step}: balance {wallet.Balance}");
                Assert.True(wallet.Escrow >= 0, $"{step}: escrow {wallet.Escrow}");
                // The total must be the exact sum, never a wrapped one.
                Assert.Equal((Int128)wallet.Balance + wallet.Escrow, (Int128)wallet.Total);

                if (!succeeded)
                {
                    Assert.Equal((balance, escrow), (wallet.Balance, wallet.Escrow));
                    continue;
                }
                var expectedTotal = step.Op switch
                {
                    Op.Receive => (Int128)total + step.Amount,
                    Op.Pay or Op.PayFromEscrow => (Int128)total - step.Amount,
                    _ => total,
                };
                Assert.Equal(expectedTotal, (Int128)wallet.Total);
                var expected = step.Op switch
                {
                    Op.TryReserve => (balance - step.Amount, escrow + step.Amount),
                    Op.Release => (balance + step.Amount, escrow - step.Amount),
                    Op.PayFromEscrow => (balance, escrow - step.Amount),
                    Op.Pay => (balance - step.Amount, escrow),
                    _ => (balance + step.Amount, escrow),
                };
                Assert.Equal(expected, (wallet.Balance, wallet.Escrow));
            }
            return true;
        });

    [Property(MaxTest = 500)]
    public Property An_operation_succeeds_exactly_when_it_is_valid() =>
        Prop.ForAll(Starts.ToArbitrary(), Steps.ToArbitrary(), (start, step) =>
        {
            var wallet = new Wallet(start.Balance, start.Escrow);
            var valid = step.Amount >= 0 && step.Op switch
            {
                Op.TryReserve or Op.Pay => step.Amount <= start.Balance,
                Op.Release or Op.PayFromEscrow => step.Amount <= start.Escrow,
                // Receiving may not push the total past what a long holds.
                _ => (Int128)start.Balance + start.Escrow + step.Amount <= long.MaxValue,
            };
            return Apply(wallet, step) == valid;
        });

    [Property(MaxTest = 300)]
    public Property A_wallet_is_created_only_with_a_valid_start() =>
        Prop.ForAll(Amount.ToArbitrary(), Amount.ToArbitrary(), (balance, escrow) =>
        {
            var valid = balance >= 0 && escrow >= 0 && (Int128)balance + escrow <= long.MaxValue;
            try
            {
                var w = new Wallet(balance, escrow);
                return valid && w.Total == balance + escrow;
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                return !valid;
            }
        });

    /// <summary>Applies one step; false if it was refused (returned false or threw).</summary>
    private static bool Apply(Wallet wallet, Step step)
    {
        try
        {
            switch (step.Op)
            {
                case Op.TryReserve: return wallet.TryReserve(step.Amount);
                case Op.Release: wallet.Release(step.Amount); break;
                case Op.PayFromEscrow: wallet.PayFromEscrow(step.Amount); break;
                case Op.Pay: wallet.Pay(step.Amount); break;
                case Op.Receive: wallet.Receive(step.Amount); break;
            }
            return true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException or OverflowException)
        {
            return false;
        }
    }
}
