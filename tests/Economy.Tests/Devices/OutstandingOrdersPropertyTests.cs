using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Devices;

namespace M2MSim.Economy.Tests.Devices;

/// <summary>A device's outstanding orders (two held in fields, the rest in a dictionary) behave exactly as one dictionary does.</summary>
public sealed class OutstandingOrdersPropertyTests
{
    // Ids from a small range, so adds collide, the fields fill and spill over, and removals hit every slot.
    private static readonly Gen<(bool Add, long Id, int Period)> Operations =
        from add in Gen.Elements(true, true, false)
        from id in Gen.Choose(0, 5)
        from period in Gen.Choose(0, 3)
        select (add, (long)id, period);

    [Property(MaxTest = 500)]
    public Property Any_sequence_of_adds_and_removes_agrees_with_a_dictionary() =>
        Prop.ForAll(Operations.ListOf().ToArbitrary(), operations =>
        {
            var orders = new OutstandingOrders();
            var model = new Dictionary<long, int>();
            foreach (var (add, id, period) in operations)
            {
                if (add) Assert.Equal(model.TryAdd(id, period), orders.TryAdd(id, period));
                else
                {
                    var removed = model.Remove(id, out var expected);
                    Assert.Equal(removed, orders.Remove(id, out var actual));
                    if (removed) Assert.Equal(expected, actual);
                }
                Assert.Equal(model.Count, orders.Count);
                for (var k = 0L; k <= 5; k++) Assert.Equal(model.ContainsKey(k), orders.Contains(k));
                Assert.Equal(model.OrderBy(o => o.Key).Select(o => (o.Key, o.Value)), orders.ById());
            }
        });

    [Fact]
    public void Adding_an_id_that_is_outstanding_is_refused()
    {
        var orders = new OutstandingOrders();
        orders.Add(7, 0);
        orders.Add(8, 0);
        orders.Add(9, 1);
        Assert.Throws<InvalidOperationException>(() => orders.Add(9, 2));
        Assert.Throws<InvalidOperationException>(() => orders.Add(7, 2));
        Assert.True(orders.Remove(7, out var period));
        Assert.Equal(0, period);
        orders.Add(7, 3); // settled, so the id may be used again
        Assert.Equal([(7L, 3), (8L, 0), (9L, 1)], orders.ById());
    }
}
