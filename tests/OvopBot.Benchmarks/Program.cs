using BenchmarkDotNet.Running;
using OvopBot.Benchmarks.Conversations;

// Load runs with their own figures (latency percentiles need whole runs, not micro-benchmarks):
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- conversations [--people 500] [--parallel 8]
// Every [Benchmark] class in this assembly is listed otherwise; pick with --filter, e.g.
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- --job short --filter '*Region*' '*Village*'
return args.FirstOrDefault() switch
{
    "conversations" => await ConversationLoad.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
    return 0;
}
