namespace OvopBot.Tests.TestSupport;

/// <summary>Tests that measure process-wide things (heap size, metrics by meter name) run in this collection, never beside other tests.</summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;
