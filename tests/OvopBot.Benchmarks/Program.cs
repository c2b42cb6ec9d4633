using BenchmarkDotNet.Running;

// Every [Benchmark] class in this assembly is listed; pick with --filter, e.g.
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- --job short --filter '*Region*' '*Village*'
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
