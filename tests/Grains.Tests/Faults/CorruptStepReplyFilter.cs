using M2MSim.Grains.Devices;
using Orleans.Concurrency;

namespace M2MSim.Grains.Tests.Faults;

/// <summary>
/// A fault injected from outside the production code: after a device grain's Step at the chosen
/// tick, its reply is altered to claim one micro-unit more than the wallet holds, as a corrupted
/// or forged message would. The barrier must notice.
/// </summary>
public sealed class CorruptStepReplyFilter(ReplyCorruption fault) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.InterfaceMethod?.DeclaringType != typeof(IDeviceGrain) || context.InterfaceMethod.Name != nameof(IDeviceGrain.Step)) return;
        if (context.TargetId.GetIntegerKey(out _) != fault.Device) return;
        if ((int)context.Request.GetArgument(0)! != fault.Tick) return;

        var reply = (DeviceStep)context.Result!;
        context.Result = reply with { Result = reply.Result with { Wealth = reply.Result.Wealth + 1 } };
    }
}
