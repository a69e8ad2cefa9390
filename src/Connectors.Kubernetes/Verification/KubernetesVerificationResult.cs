using Connectors.Kubernetes.Clients;

namespace Connectors.Kubernetes.Verification;

/// <summary>
/// The outcome of verifying one connector: on success who it authenticates as and the server
/// version, otherwise a classified failure with a coded, actionable message. Holds no secret.
/// </summary>
public sealed record KubernetesVerificationResult
{
    /// <summary>The resource type a Kubernetes connector gives access to.</summary>
    public const string KubernetesClusterResourceType = "kubernetes-cluster";

    /// <summary>The connector's name.</summary>
    public required string ConnectorName { get; init; }

    /// <summary>The resource type: always <c>kubernetes-cluster</c>.</summary>
    public string ResourceType { get; init; } = KubernetesClusterResourceType;

    /// <summary>The resource name: the connector's cluster name.</summary>
    public required string ResourceName { get; init; }

    /// <summary>The server the check went to.</summary>
    public required string Server { get; init; }

    /// <summary>True when the server accepted the credentials.</summary>
    public bool Succeeded => Failure == KubernetesVerificationFailure.None;

    /// <summary>Who the credentials are, when the server could say (SelfSubjectReview).</summary>
    public KubernetesIdentity? Identity { get; init; }

    /// <summary>How the credentials were proven: <c>SelfSubjectReview</c> or, on older servers, <c>SelfSubjectAccessReview</c>.</summary>
    public string? ProvenBy { get; init; }

    /// <summary>The server's <c>gitVersion</c> from <c>/version</c>.</summary>
    public string? ServerVersion { get; init; }

    /// <summary>How long the verification took.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The earliest known expiry of the credentials (connector expiry, exec token, client certificate); null when none is known.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The failure class; <see cref="KubernetesVerificationFailure.None"/> on success.</summary>
    public KubernetesVerificationFailure Failure { get; init; }

    /// <summary>For TLS failures, why the server's certificate was refused.</summary>
    public TlsFailureReason TlsFailure { get; init; }

    /// <summary>The diagnostic code (KC11xx) of the failure; null on success.</summary>
    public string? Code { get; init; }

    /// <summary>What went wrong and how to fix it; null on success.</summary>
    public string? Message { get; init; }
}
