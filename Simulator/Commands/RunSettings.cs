using System.ComponentModel;
using System.Net;
using System.Security.Cryptography;
using M2MSim.Silo.Dashboard;
using M2MSim.Simulator.Cluster;
using M2MSim.Simulator.Engines;
using Spectre.Console;
using Spectre.Console.Cli;

namespace M2MSim.Simulator.Commands;

public sealed class RunSettings : ScenarioSettings
{
    [CommandOption("--out <DIR>")]
    [Description("The run folder to write (must not exist). Default: runs/<scenario name>-<UTC time>.")]
    public string? Out { get; init; }

    [CommandOption("--engine <ENGINE>")]
    [Description("orleans (default: one grain per device on an embedded silo) or reference (the in-process loop).")]
    [DefaultValue("orleans")]
    public string Engine { get; init; } = "orleans";

    [CommandOption("--shards <N>")]
    [Description("Shard grains stepping the devices (default: 1 on the embedded silo, measured fastest; 8 on a cluster). Results do not depend on it.")]
    public int? Shards { get; init; }

    [CommandOption("--parallelism <N>")]
    [Description("Device calls each shard keeps in flight (default: 512 in all, split over the shards).")]
    public int? Parallelism { get; init; }

    [CommandOption("--deactivate-idle <TICKS>")]
    [Description("Deactivate a device grain whose next scheduled step is more than TICKS ticks away, after a quiet step (no order, message or deal outstanding, no negotiation open); its shard keeps its compact state and the next step activates it again. For large, sparse populations: memory then grows with state, not activations. 0 (default): never. Results do not depend on it.")]
    [DefaultValue(0)]
    public int DeactivateIdle { get; init; }

    [CommandOption("--no-dashboard")]
    [Description("Run without the web dashboard (the Orleans dashboard and the live economy view).")]
    public bool NoDashboard { get; init; }

    [CommandOption("--dashboard-port <PORT>")]
    [Description("The dashboard's port. Default: a free one, printed when the run starts.")]
    [DefaultValue(0)]
    public int DashboardPort { get; init; }

    [CommandOption("--dashboard-bind <ADDRESS>")]
    [Description("The address the dashboard listens on. Anything but loopback needs a token (given with --dashboard-token, or generated and printed).")]
    [DefaultValue("127.0.0.1")]
    public string DashboardBind { get; init; } = "127.0.0.1";

    [CommandOption("--dashboard-token <TOKEN>")]
    [Description("The token the dashboard's page and API ask for (X-M2MSim-Token header or ?token=).")]
    public string? DashboardToken { get; init; }

    [CommandOption("--cluster <REDIS>")]
    [Description("Run on the Orleans cluster whose membership is in this Redis (host:port), as a client, instead of an embedded silo. With --silos: the Redis the started silos use. See docs/cluster.md.")]
    public string? Cluster { get; init; }

    [CommandOption("--silos <N>")]
    [Description("Start N local silo processes (on --cluster's Redis, or on a redis-server started on a free port), run on them, and stop them.")]
    [DefaultValue(0)]
    public int Silos { get; init; }

    [CommandOption("--cluster-id <ID>")]
    [Description("The cluster's id, the same on every silo. Default: m2msim-cluster with --cluster, a fresh one for --silos.")]
    public string? ClusterId { get; init; }

    [CommandOption("--service-id <ID>")]
    [Description("The service's id, the same on every silo. Default: m2msim.")]
    public string? ServiceId { get; init; }

    [CommandOption("--checkpoint-every <K>")]
    [Description("Save a checkpoint in the run folder every K ticks (default: the scenario's output.checkpoint_every, else none). A run on a cluster goes on from the last one when it loses a silo; run --resume goes on from it after a stop or a crash.")]
    public int? CheckpointEvery { get; init; }

    [CommandOption("--resume <RUN_DIR>")]
    [Description("Go on with a stopped, failed or interrupted run from its last checkpoint, in its folder (no scenario argument: the run's own is used).")]
    public string? Resume { get; init; }

    /// <summary>The engine's options: shards and calls in flight as asked, else the defaults for where the run goes.</summary>
    public OrleansEngineOptions EngineOptions()
    {
        var shards = Shards ?? OrleansEngineOptions.DefaultShards(cluster: ClusterRequest() is not null);
        return new(shards, Parallelism ?? OrleansEngineOptions.DefaultParallelism(shards), DeactivateIdle);
    }

    /// <summary>Where the run's grains live: null for the embedded silo.</summary>
    public ClusterRequest? ClusterRequest() => Cluster is null && Silos == 0 ? null : new ClusterRequest(Cluster, Silos, ClusterId, ServiceId);

    /// <summary>The dashboard's binding, or null when there is none: turned off, or the reference engine (no silo to serve it).</summary>
    public DashboardBinding? Dashboard()
    {
        // The dashboard lives in the embedded silo; a cluster run has none (docs/cluster.md).
        if (NoDashboard || Engine != "orleans" || ClusterRequest() is not null) return null;
        var binding = new DashboardBinding(IPAddress.Parse(DashboardBind), DashboardPort, DashboardToken);
        return binding.NeedsToken && binding.Token is null ? binding with { Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) } : binding;
    }

    public override ValidationResult Validate()
    {
        if (Resume is not null)
        {
            if (Scenario.Length > 0 || Seed is not null || Ticks is not null || Set.Length > 0 || Out is not null)
                return ValidationResult.Error("--resume goes on with the run's own scenario and folder: give no scenario, --seed, --ticks, --set or --out with it.");
        }
        else if (base.Validate() is { Successful: false } missing) return missing;
        if (CheckpointEvery < 0) return ValidationResult.Error("--checkpoint-every must be at least 0 (0: no checkpoints).");
        if (!IPAddress.TryParse(DashboardBind, out _)) return ValidationResult.Error($"--dashboard-bind must be an IP address, not '{DashboardBind}'.");
        if (DashboardPort is < 0 or > 65535) return ValidationResult.Error("--dashboard-port must be between 0 and 65535.");
        if (DashboardToken is "") return ValidationResult.Error("--dashboard-token must not be empty.");
        if (Engine is not ("orleans" or "reference")) return ValidationResult.Error($"--engine must be orleans or reference, not '{Engine}'.");
        if (Shards < 1) return ValidationResult.Error("--shards must be at least 1.");
        if (Parallelism < 1) return ValidationResult.Error("--parallelism must be at least 1.");
        if (DeactivateIdle < 0) return ValidationResult.Error("--deactivate-idle must be 0 (never) or a number of ticks.");
        if (Silos < 0) return ValidationResult.Error("--silos must be at least 1 (or absent).");
        if (Cluster is not null && string.IsNullOrWhiteSpace(Cluster)) return ValidationResult.Error("--cluster must be a Redis address (host:port).");
        if (ClusterId is "" || ServiceId is "") return ValidationResult.Error("--cluster-id and --service-id must not be empty.");
        if (ClusterRequest() is null && (ClusterId ?? ServiceId) is not null) return ValidationResult.Error("--cluster-id and --service-id need --cluster or --silos.");
        if (ClusterRequest() is not null && Engine != "orleans") return ValidationResult.Error("--cluster and --silos run the orleans engine; the reference engine has no silos.");
        return ValidationResult.Success();
    }
}
