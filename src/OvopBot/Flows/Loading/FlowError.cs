namespace OvopBot.Flows.Loading;

/// <summary>One problem in a flow file, printed as <c>flows/FILE.yaml:LINE: message</c>.</summary>
public sealed record FlowError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
