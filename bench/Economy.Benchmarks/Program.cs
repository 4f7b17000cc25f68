using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Economy.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
