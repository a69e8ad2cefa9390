namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>What a verification found, in the shape the CLI prints (table, JSON, YAML).</summary>
internal sealed record VerifyOutcome
{
    public required string Connector { get; init; }

    public required string ResourceName { get; init; }

    public required string Server { get; init; }

    public bool Succeeded { get; init; }

    public string? User { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

    public string? ServerVersion { get; init; }

    public TimeSpan Latency { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The failure class (unreachable, tls, unauthorized, forbidden, expired, timeout, …), or null.</summary>
    public string? Failure { get; init; }

    /// <summary>The coded reason from the core (KC1xxx), or null.</summary>
    public string? Code { get; init; }

    public string? Message { get; init; }
}
