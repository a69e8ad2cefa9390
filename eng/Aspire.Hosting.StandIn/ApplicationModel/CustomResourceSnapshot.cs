using System.Collections.Immutable;

namespace Aspire.Hosting.ApplicationModel;

// Stand-in: the members of Aspire's CustomResourceSnapshot the generated layer sets.
public sealed record CustomResourceSnapshot
{
    public required string ResourceType { get; init; }

    public required ImmutableArray<ResourcePropertySnapshot> Properties { get; init; }

    public DateTime? CreationTimeStamp { get; init; }

    public DateTime? StartTimeStamp { get; init; }

    public DateTime? StopTimeStamp { get; init; }

    public ResourceStateSnapshot? State { get; init; }

    public bool IsHidden { get; init; }
}

public sealed record ResourceStateSnapshot(string Text, string? Style)
{
    public static implicit operator ResourceStateSnapshot?(string? s) => s is null ? null : new(Text: s, Style: null);
}

public sealed record ResourcePropertySnapshot(string Name, object? Value)
{
    public bool IsSensitive { get; init; }
}

public static class KnownResourceStateStyles
{
    public static readonly string Success = "success";
    public static readonly string Error = "error";
    public static readonly string Info = "info";
    public static readonly string Warn = "warning";
}

public static class KnownResourceStates
{
    public static readonly string Starting = nameof(Starting);
    public static readonly string Running = nameof(Running);
    public static readonly string FailedToStart = nameof(FailedToStart);
    public static readonly string RuntimeUnhealthy = nameof(RuntimeUnhealthy);
    public static readonly string Stopping = nameof(Stopping);
    public static readonly string Exited = nameof(Exited);
    public static readonly string Finished = nameof(Finished);
    public static readonly string Waiting = nameof(Waiting);
    public static readonly string NotStarted = nameof(NotStarted);
    public static readonly string Active = nameof(Active);
}

public class ResourceSnapshotAnnotation(CustomResourceSnapshot initialSnapshot) : IResourceAnnotation
{
    public CustomResourceSnapshot InitialSnapshot { get; } = initialSnapshot;
}
