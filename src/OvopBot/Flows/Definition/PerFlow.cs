using System.Collections.Concurrent;

namespace OvopBot.Flows.Definition;

/// <summary>
/// Something built once per flow definition and kept (keyword matchers): flows are immutable and loaded once, so
/// the first message of each flow pays for it and the rest reuse it.
/// </summary>
public sealed class PerFlow<T>(Func<FlowDefinition, T> build)
{
    private readonly ConcurrentDictionary<FlowDefinition, Lazy<T>> _built = new();

    public T this[FlowDefinition flow] => _built.GetOrAdd(flow, f => new Lazy<T>(() => build(f))).Value;
}
