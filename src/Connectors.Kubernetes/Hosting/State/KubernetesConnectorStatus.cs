namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// A connector resource's state, with the coded reason when it failed or turned unhealthy. State texts
/// and styles are Aspire's known ones, so the dashboard and <c>WaitFor</c> understand them.
/// </summary>
/// <param name="State">The state.</param>
/// <param name="Code">The <c>KCxxxx</c> code of the failure, if any.</param>
/// <param name="Reason">The failure's message (never a secret), if any.</param>
public sealed record KubernetesConnectorStatus(KubernetesConnectorState State, string? Code = null, string? Reason = null)
{
    /// <summary>The status of a connector that has not started.</summary>
    public static KubernetesConnectorStatus NotStarted { get; } = new(KubernetesConnectorState.NotStarted);

    /// <summary>The state text Aspire knows (<c>KnownResourceStates</c>).</summary>
    public string StateText => State switch
    {
        KubernetesConnectorState.NotStarted => "NotStarted",
        KubernetesConnectorState.Starting => "Starting",
        KubernetesConnectorState.Running => "Running",
        KubernetesConnectorState.Unhealthy => "RuntimeUnhealthy",
        _ => "FailedToStart",
    };

    /// <summary>The dashboard style (<c>KnownResourceStateStyles</c>), or <see langword="null"/> for none.</summary>
    public string? StateStyle => State switch
    {
        KubernetesConnectorState.Running => "success",
        KubernetesConnectorState.Starting => "info",
        KubernetesConnectorState.Unhealthy => "warning",
        KubernetesConnectorState.FailedToStart => "error",
        _ => null,
    };

    /// <summary>Whether the connector may go from this state to <paramref name="next"/>.</summary>
    /// <param name="next">The next state.</param>
    /// <returns><see langword="true"/> for a legal transition.</returns>
    public bool CanMoveTo(KubernetesConnectorState next) => (State, next) switch
    {
        (KubernetesConnectorState.NotStarted, KubernetesConnectorState.Starting) => true,
        (KubernetesConnectorState.Starting, KubernetesConnectorState.Running or KubernetesConnectorState.FailedToStart) => true,
        (KubernetesConnectorState.Running, KubernetesConnectorState.Unhealthy) => true,
        (KubernetesConnectorState.Unhealthy, KubernetesConnectorState.Running) => true,
        (KubernetesConnectorState.Running or KubernetesConnectorState.Unhealthy or KubernetesConnectorState.FailedToStart, KubernetesConnectorState.Starting) => true,
        _ => false,
    };

    /// <summary>Moves to <paramref name="next"/>.</summary>
    /// <param name="next">The next state.</param>
    /// <param name="code">The code of the failure, for <see cref="KubernetesConnectorState.FailedToStart"/> and <see cref="KubernetesConnectorState.Unhealthy"/>.</param>
    /// <param name="reason">The failure's message.</param>
    /// <returns>The new status.</returns>
    /// <exception cref="InvalidOperationException">The transition is not legal.</exception>
    public KubernetesConnectorStatus MoveTo(KubernetesConnectorState next, string? code = null, string? reason = null)
    {
        if (!CanMoveTo(next))
        {
            throw new InvalidOperationException("A connector cannot go from " + State + " to " + next + ".");
        }

        var failing = next is KubernetesConnectorState.FailedToStart or KubernetesConnectorState.Unhealthy;
        if (failing && code is null)
        {
            throw new ArgumentException("A failure needs its code.", nameof(code));
        }

        return failing ? new KubernetesConnectorStatus(next, code, reason) : new KubernetesConnectorStatus(next);
    }

    /// <inheritdoc />
    public override string ToString() => Code is null ? StateText : StateText + " (" + Code + ": " + Reason + ")";
}
