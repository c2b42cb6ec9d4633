using BenchmarkDotNet.Running;
using OvopBot.Benchmarks.Exports;

// Every [Benchmark] class in this assembly is listed; pick with --filter, e.g.
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- --job short --filter '*Region*' '*Village*'
// The export scale check (1,000,000 messages, 83,762 villages; rows/s and peak memory) is its own verb:
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- exports-scale
return args.FirstOrDefault() switch
{
    "exports-scale" => ExportScale.Run(args),
    "exports-scale-one" => ExportScale.RunOne(args),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
    return 0;
}
