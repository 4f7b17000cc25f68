using System.Text.Json;
using M2MSim.Bench;
using M2MSim.Bench.Measuring;

// dotnet run -c Release --project bench/M2MSim.Bench -- --devices 100000,1000000 --ticks 10 --models money,market,sparse
// Each measurement runs in a child process of this same program: --child <request as JSON>.
try
{
    if (args.Length == 2 && args[0] == "--child")
        return await ChildRun.RunAsync(JsonSerializer.Deserialize<ChildRequest>(args[1]) ?? throw new ArgumentException("--child needs a request."));
    var options = BenchOptions.Parse(args);
    if (options.Footprint) return await Footprint.RunAsync(options.Devices[0], options.Ticks, options.Models);
    return await BenchCommand.RunAsync(options, args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
