namespace Connectors.Playground.Orchestrator;

/// <summary>One step of a pipeline, run as a Kubernetes Job with a single pod.</summary>
/// <param name="Name">The step name; the Job is named after it (a DNS label).</param>
/// <param name="Image">The container image.</param>
public sealed record PipelineStep(string Name, string Image)
{
    /// <summary>The container command; the image's entry point when empty.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Annotations put on the Job (the loopback cluster reads its simulated log and outcome from them).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the step may run before it is abandoned.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
}
