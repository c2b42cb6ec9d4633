using BenchmarkDotNet.Running;
using OvopBot.Benchmarks.Conversations;
using OvopBot.Benchmarks.Exports;

// Load runs with their own figures (latency percentiles and rows/s need whole runs, not micro-benchmarks):
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- conversations [--people 500] [--parallel 8]
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- exports-scale   (1,000,000 messages, 83,762 villages)
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- telegram [--people 500] [--rate 30]
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- broadcast [--people 3442] [--model both|bucket|window] [--rate 30] [--chatters 5] [--think-seconds 10] [--send-rate 30]
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- whatsapp-broadcast [--people 20000] [--rate 80] [--model window|bucket|both] [--open-window 0.1] [--chatters 5] [--parallel 8]
// Every [Benchmark] class in this assembly is listed otherwise; pick with --filter, e.g.
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- --job short --filter '*Region*' '*Village*'
return args.FirstOrDefault() switch
{
    "conversations" => await ConversationLoad.RunAsync(args[1..]),
    "exports-scale" => ExportScale.Run(args),
    "exports-scale-one" => ExportScale.RunOne(args),
    "broadcast" => await OvopBot.Benchmarks.Broadcasts.BroadcastLoad.RunAsync(args[1..]),
    "telegram" => await OvopBot.Benchmarks.Telegram.TelegramLoad.RunAsync(args[1..]),
    "whatsapp-broadcast" => await OvopBot.Benchmarks.Broadcasts.WhatsAppBroadcastLoad.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
    return 0;
}
