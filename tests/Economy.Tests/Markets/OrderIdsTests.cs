using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Markets;

public sealed class OrderIdsTests
{
    [Fact]
    public void Every_device_resource_side_and_slot_of_a_tick_has_its_own_id()
    {
        var ids = new HashSet<long>();
        foreach (var device in new[] { 0, 1, 2, 4095, int.MaxValue })
        foreach (var resource in Resources.Resources.All)
        foreach (var side in new[] { Side.Buy, Side.Sell })
        for (var slot = 0; slot < OrderIds.SlotsPerSide; slot++)
            Assert.True(ids.Add(OrderIds.For(device, resource, side, slot)));
        Assert.Equal(5 * Resources.Resources.Count * 2 * OrderIds.SlotsPerSide, ids.Count);
    }

    [Property(MaxTest = 500)]
    public Property An_id_decodes_to_what_made_it_and_sorts_by_device_first() =>
        Prop.ForAll(
            (from device in Gen.Choose(0, int.MaxValue)
             from resource in Gen.Elements(Resources.Resources.All)
             from side in Gen.Elements(Side.Buy, Side.Sell)
             from slot in Gen.Choose(0, OrderIds.SlotsPerSide - 1)
             select (device, resource, side, slot)).ToArbitrary(),
            c =>
            {
                var id = OrderIds.For(c.device, c.resource, c.side, c.slot);
                var decoded = (OrderIds.DeviceOf(id), OrderIds.ResourceOf(id), OrderIds.SideOf(id), OrderIds.SlotOf(id)) == (c.device, c.resource, c.side, c.slot);
                // Any order of a later device sorts after every order of this one.
                var sorts = c.device == int.MaxValue || OrderIds.For(c.device + 1, Resource.Compute, Side.Buy, 0) > OrderIds.For(c.device, Resource.Service, Side.Sell, OrderIds.SlotsPerSide - 1);
                return decoded && sorts && id >= 0;
            });

    [Fact]
    public void The_two_resource_bits_hold_every_resource_and_service_is_the_last_they_fit()
    {
        // Ids reserve 2 bits for the resource: a fifth resource would collide with the device bits.
        Assert.True(Resources.Resources.Count <= 4);
        var id = OrderIds.For(7, Resource.Service, Side.Sell, OrderIds.SlotsPerSide - 1);
        Assert.Equal((7, Resource.Service, Side.Sell), (OrderIds.DeviceOf(id), OrderIds.ResourceOf(id), OrderIds.SideOf(id)));
        Assert.True(id < OrderIds.For(8, Resource.Compute, Side.Buy));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(512)]
    public void A_slot_outside_0_to_511_is_refused(int slot) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderIds.For(1, Resource.Data, Side.Buy, slot));
}
