namespace Connectors.Kubernetes.Testing.Api;

/// <summary>What a request path addresses.</summary>
internal enum ApiRouteKind
{
    NotFound,
    Root,
    Version,
    Health,
    CoreVersions,
    GroupList,
    Group,
    ResourceList,
    OpenApiV2,
    OpenApiV3,
    Resource,
    SelfSubjectReview,
    SelfSubjectAccessReview,
}

/// <summary>A parsed request path: the kind of endpoint and, for resources, which objects.</summary>
internal sealed record ApiRoute(ApiRouteKind Kind)
{
    public static ApiRoute NotFoundRoute { get; } = new(ApiRouteKind.NotFound);

    public string Group { get; init; } = string.Empty;

    public string Version { get; init; } = string.Empty;

    public ApiResource? Resource { get; init; }

    public string? Namespace { get; init; }

    public string? Name { get; init; }

    public string? Subresource { get; init; }

    /// <summary>The rest of the path after <c>/openapi/v3/</c>, for per-group-version documents.</summary>
    public string? OpenApiPath { get; init; }

    /// <summary>Endpoints anonymous users may reach when the server allows anonymous discovery.</summary>
    public bool IsPublic => Kind is ApiRouteKind.Version or ApiRouteKind.Health or ApiRouteKind.Root or ApiRouteKind.CoreVersions
        or ApiRouteKind.GroupList or ApiRouteKind.Group or ApiRouteKind.ResourceList or ApiRouteKind.OpenApiV2 or ApiRouteKind.OpenApiV3;
}
