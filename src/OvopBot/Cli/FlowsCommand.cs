using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Sms;
using OvopBot.Flows.Diagrams;
using OvopBot.Flows.Loading;
using OvopBot.Hosting;

namespace OvopBot.Cli;

/// <summary><c>flows check</c> (exit 1 on errors, each as FILE:LINE: message) and <c>flows graph [ID]</c> (Mermaid).</summary>
internal static class FlowsCommand
{
    public static Command Create()
    {
        var check = CliApp.Verb("check", "Validate the flow files; prints FILE:LINE: message for each error, exit code 1 on errors");
        check.SetAction(result =>
        {
            var (catalog, errors) = FlowCatalog.TryLoad(FlowsPath(result));
            foreach (var error in errors)
            {
                Console.Error.WriteLine(error);
            }

            if (catalog is null)
            {
                return 1;
            }

            // Over SMS every message must fit in 3 parts; texts that do not need an sms: short form.
            var tooLong = SmsFlowCheck.Check(catalog);
            foreach (var error in tooLong)
            {
                Console.Error.WriteLine(error);
            }

            if (tooLong.Count > 0)
            {
                return 1;
            }

            foreach (var flow in catalog.Flows)
            {
                Console.WriteLine($"{flow.SourceFile}: ok ({flow.Id} v{flow.Version}, {flow.Nodes.Count} nodes, languages {string.Join(", ", flow.Languages)})");
            }

            return 0;
        });

        var id = new Argument<string?>("id") { Description = "Flow id (default: the conversation flow)", Arity = ArgumentArity.ZeroOrOne };
        var graph = CliApp.Verb("graph", "Print a flow as a Mermaid flowchart");
        graph.Arguments.Add(id);
        graph.SetAction(result =>
        {
            var (catalog, errors) = FlowCatalog.TryLoad(FlowsPath(result));
            if (catalog is null)
            {
                errors.ToList().ForEach(e => Console.Error.WriteLine(e));
                return 1;
            }

            var flowId = result.GetValue(id) ?? "ovop-registration";
            if (!catalog.TryGet(flowId, out var flow))
            {
                Console.Error.WriteLine($"No flow with id '{flowId}'. Known: {string.Join(", ", catalog.Flows.Select(f => f.Id))}");
                return 1;
            }

            Console.Write(MermaidGraph.Format(flow));
            return 0;
        });

        return new Command("flows", "Check or draw the conversation flows") { check, graph };
    }

    private static string FlowsPath(ParseResult result)
    {
        using var host = CliHost.Build(result.UnmatchedTokens);
        return host.Services.GetRequiredService<IOptions<FlowsOptions>>().Value.ResolvePath();
    }
}
