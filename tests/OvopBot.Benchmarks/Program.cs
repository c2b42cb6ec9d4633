using BenchmarkDotNet.Running;
using OvopBot.Benchmarks.Conversations;
using OvopBot.Benchmarks.Exports;

// Load runs with their own figures (latency percentiles and rows/s need whole runs, not micro-benchmarks):
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- conversations [--people 500] [--parallel 8]
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- exports-scale   (1,000,000 messages, 83,762 villages)
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- telegram [--people 500] [--rate 30]
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- broadcast [--people 3442] [--model both|bucket|window] [--rate 30] [--chatters 5] [--think-seconds 10] [--send-rate 30]
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- whatsapp-broadcast [--people 20000] [--rate 80] [--model window|bucket|both] [--open-window 0.1] [--chatters 5] [--parallel 8]
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- web [--requests 50]   (dashboard pages: 83,762 villages, 100,000 submissions)
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- fuzz [--inputs 100000] [--people 1000] [--parallel 4] [--seed 11]
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- sms-broadcast [--people 300] [--per-minute 600] [--chatters 3]
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- flood [--people 50] [--flood-rate 10] [--seconds 60] [--think-seconds 10]
// Every [Benchmark] class in this assembly is listed otherwise; pick with --filter, e.g.
//   dotnet run -c Release --project tests/OvopBot.Benchmarks -- --job short --filter '*Region*' '*Village*'
return args.FirstOrDefault() switch
{
    "conversations" => await ConversationLoad.RunAsync(args[1..]),
    "exports-scale" => ExportScale.Run(args),
    "exports-scale-one" => ExportScale.RunOne(args),
    "broadcast" => await OvopBot.Benchmarks.Broadcasts.BroadcastLoad.RunAsync(args[1..]),
    "web" => await OvopBot.Benchmarks.Web.WebLoad.RunAsync(args[1..]),
    "telegram" => await OvopBot.Benchmarks.Telegram.TelegramLoad.RunAsync(args[1..]),
    "whatsapp-broadcast" => await OvopBot.Benchmarks.Broadcasts.WhatsAppBroadcastLoad.RunAsync(args[1..]),
    "fuzz" => await OvopBot.Benchmarks.Fuzzing.FuzzLoad.RunAsync(args[1..]),
    "sms-broadcast" => await OvopBot.Benchmarks.Sms.SmsBroadcastLoad.RunAsync(args[1..]),
    "flood" => await FloodLoad.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
    return 0;
}
