namespace Connectors.Playground.Orchestrator;

/// <summary>How a pipeline step ended.</summary>
/// <param name="JobName">The Job that ran the step.</param>
/// <param name="Succeeded">True when the Job reached <c>Complete</c>.</param>
/// <param name="Reason">The reason of the final condition (for example <c>BackoffLimitExceeded</c>).</param>
/// <param name="PodName">The pod that ran the step.</param>
/// <param name="LogLines">Every log line of the pod, in order.</param>
public sealed record PipelineStepResult(string JobName, bool Succeeded, string? Reason, string? PodName, IReadOnlyList<string> LogLines);
