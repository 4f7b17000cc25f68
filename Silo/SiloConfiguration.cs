using M2MSim.Grains.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;

namespace M2MSim.Silo;

/// <summary>What every M2MSim silo needs, whether embedded in the simulator or standing alone.</summary>
public static class SiloConfiguration
{
    public static ISiloBuilder AddM2MSim(this ISiloBuilder silo)
    {
        silo.Services.AddSerializer(s => s.AddEconomyTypes());
        // A tick's calls (coordinator → shards → devices) wait for every device stepped in the tick;
        // at a million devices the first tick, which activates them all, takes minutes, far beyond
        // Orleans' default 30 s response timeout (measured: docs/performance.md, scale benchmarks).
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        return silo;
    }
}
