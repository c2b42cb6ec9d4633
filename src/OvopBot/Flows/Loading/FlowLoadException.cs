namespace OvopBot.Flows.Loading;

/// <summary>Thrown at start-up when a flow file is broken; the message lists every error with file and line.</summary>
public sealed class FlowLoadException : Exception
{
    public FlowLoadException(IReadOnlyList<FlowError> errors)
        : base("Broken flow files:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public FlowLoadException() : this([]) { }

    public FlowLoadException(string message) : base(message)
    {
        Errors = [];
    }

    public FlowLoadException(string message, Exception inner) : base(message, inner)
    {
        Errors = [];
    }

    public IReadOnlyList<FlowError> Errors { get; }
}
