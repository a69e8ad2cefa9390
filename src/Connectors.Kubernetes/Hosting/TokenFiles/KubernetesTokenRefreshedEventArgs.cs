namespace Connectors.Kubernetes.Hosting;

/// <summary>The outcome of one token refresh.</summary>
public sealed class KubernetesTokenRefreshedEventArgs : EventArgs
{
    /// <summary>Creates the outcome.</summary>
    /// <param name="succeeded">Whether the new token was written.</param>
    /// <param name="expiresAt">The expiry of the token in the file now.</param>
    /// <param name="failure">The coded failure when it did not succeed.</param>
    public KubernetesTokenRefreshedEventArgs(bool succeeded, DateTimeOffset? expiresAt, KubernetesConnectorException? failure)
    {
        Succeeded = succeeded;
        ExpiresAt = expiresAt;
        Failure = failure;
    }

    /// <summary>Whether the new token was written.</summary>
    public bool Succeeded { get; }

    /// <summary>The expiry of the token in the file now.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The coded failure (<c>KC4104</c>) when the refresh did not succeed.</summary>
    public KubernetesConnectorException? Failure { get; }
}
