namespace Connectors.Kubernetes.Testing;

/// <summary>How a simulated Job ends.</summary>
public enum LoopbackJobOutcome
{
    /// <summary>The pod exits 0; the Job gets the <c>Complete</c> condition.</summary>
    Complete,

    /// <summary>The pod exits 1; the Job gets the <c>Failed</c> condition (reason <c>BackoffLimitExceeded</c>).</summary>
    Failed,
}
