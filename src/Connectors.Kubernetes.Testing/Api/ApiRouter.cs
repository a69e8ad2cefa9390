namespace Connectors.Kubernetes.Testing.Api;

/// <summary>Maps a request path onto the endpoint it addresses, following the API server's URL layout.</summary>
internal static class ApiRouter
{
    public static ApiRoute Parse(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return new ApiRoute(ApiRouteKind.Root);
        }

        switch (segments[0])
        {
            case "version" when segments.Length == 1:
                return new ApiRoute(ApiRouteKind.Version);
            case "healthz" or "livez" or "readyz":
                return new ApiRoute(ApiRouteKind.Health);
            case "openapi" when segments.Length == 2 && segments[1] == "v2":
                return new ApiRoute(ApiRouteKind.OpenApiV2);
            case "openapi" when segments.Length >= 2 && segments[1] == "v3":
                return new ApiRoute(ApiRouteKind.OpenApiV3) { OpenApiPath = string.Join('/', segments[2..]) };
            case "api" when segments.Length == 1:
                return new ApiRoute(ApiRouteKind.CoreVersions);
            case "api" when segments[1] != "v1":
                return ApiRoute.NotFoundRoute;
            case "api" when segments.Length == 2:
                return new ApiRoute(ApiRouteKind.ResourceList) { Version = "v1" };
            case "api":
                return ParseResourcePath(string.Empty, "v1", segments[2..]);
            case "apis" when segments.Length == 1:
                return new ApiRoute(ApiRouteKind.GroupList);
            case "apis" when !ApiCatalog.Groups.Contains(segments[1]):
                return ApiRoute.NotFoundRoute;
            case "apis" when segments.Length == 2:
                return new ApiRoute(ApiRouteKind.Group) { Group = segments[1] };
            case "apis" when segments[2] != "v1":
                return ApiRoute.NotFoundRoute;
            case "apis" when segments.Length == 3:
                return new ApiRoute(ApiRouteKind.ResourceList) { Group = segments[1], Version = segments[2] };
            case "apis":
                return ParseResourcePath(segments[1], segments[2], segments[3..]);
            default:
                return ApiRoute.NotFoundRoute;
        }
    }

    private static ApiRoute ParseResourcePath(string group, string version, string[] rest)
    {
        if (group == ApiCatalog.AuthenticationGroup && rest is ["selfsubjectreviews"])
        {
            return new ApiRoute(ApiRouteKind.SelfSubjectReview) { Group = group, Version = version };
        }

        if (group == ApiCatalog.AuthorizationGroup && rest is ["selfsubjectaccessreviews"])
        {
            return new ApiRoute(ApiRouteKind.SelfSubjectAccessReview) { Group = group, Version = version };
        }

        string? @namespace = null;
        string plural;
        string? name = null;
        string? subresource = null;
        if (rest[0] == "namespaces" && group.Length == 0 && rest.Length >= 2 && !(rest.Length == 3 && rest[2] is "status" or "finalize"))
        {
            if (rest.Length == 2)
            {
                plural = "namespaces";
                name = rest[1];
            }
            else
            {
                @namespace = rest[1];
                plural = rest[2];
                name = rest.Length > 3 ? rest[3] : null;
                subresource = rest.Length > 4 ? rest[4] : null;
                if (rest.Length > 5)
                {
                    return ApiRoute.NotFoundRoute;
                }
            }
        }
        else if (rest[0] == "namespaces" && group.Length > 0 && rest.Length >= 3)
        {
            @namespace = rest[1];
            plural = rest[2];
            name = rest.Length > 3 ? rest[3] : null;
            subresource = rest.Length > 4 ? rest[4] : null;
            if (rest.Length > 5)
            {
                return ApiRoute.NotFoundRoute;
            }
        }
        else
        {
            plural = rest[0];
            name = rest.Length > 1 ? rest[1] : null;
            subresource = rest.Length > 2 ? rest[2] : null;
            if (rest.Length > 3)
            {
                return ApiRoute.NotFoundRoute;
            }
        }

        var resource = ApiCatalog.Find(group, version, plural);
        if (resource is null
            || (!resource.Namespaced && @namespace is not null)
            || (subresource is not null && !resource.Subresources.Contains(subresource)))
        {
            return ApiRoute.NotFoundRoute;
        }

        return new ApiRoute(ApiRouteKind.Resource)
        {
            Group = group,
            Version = version,
            Resource = resource,
            Namespace = @namespace,
            Name = name,
            Subresource = subresource,
        };
    }
}
