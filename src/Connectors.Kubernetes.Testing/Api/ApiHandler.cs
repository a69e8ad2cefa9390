using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Identity;
using Microsoft.AspNetCore.Http;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>
/// The request pipeline: record, inject faults, route, authenticate, authorize, then answer.
/// Every failure becomes a Kubernetes <c>Status</c> body with the matching HTTP code.
/// </summary>
internal sealed class ApiHandler(
    LoopbackKubernetesServerOptions options,
    Authenticator authenticator,
    LoopbackFaults faults,
    ResourceHandler resources,
    RequestLog requestLog,
    Func<string> serverAddress)
{
    private static readonly string[] RootPaths =
    [
        .. new[] { "/api", "/api/v1", "/apis", "/healthz", "/livez", "/readyz", "/version" }
            .Concat(ApiCatalog.Groups.SelectMany(g => new[] { "/apis/" + g, "/apis/" + g + "/v1" }))
            .Order(StringComparer.Ordinal),
    ];

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        string user = "-";
        var reset = false;
        try
        {
            var latency = faults.Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            var (fault, faultCode) = faults.Take(path);
            if (fault == LoopbackFaults.FaultKind.Reset)
            {
                reset = true;
                context.Abort();
                return;
            }

            if (fault == LoopbackFaults.FaultKind.Fail)
            {
                var reason = faultCode == 503 ? "ServiceUnavailable" : faultCode == 504 ? "Timeout" : "InternalError";
                throw new ApiException(faultCode, reason, $"injected fault: the loopback server answers {faultCode} on purpose");
            }

            var route = ApiRouter.Parse(path);
            var authenticated = authenticator.Authenticate(context) ?? throw ApiResponses.Unauthorized();
            user = authenticated.UserName;
            var watch = context.Request.Query["watch"] is var w && (w == "true" || w == "1");
            var verb = RequestContext.VerbOf(context.Request.Method, route, watch);
            if (authenticated.IsAnonymous)
            {
                if (!options.AllowAnonymousDiscovery)
                {
                    throw ApiResponses.Unauthorized();
                }

                if (!route.IsPublic)
                {
                    throw route.Resource is null
                        ? ApiResponses.ForbiddenPath(authenticated.UserName, verb, path)
                        : ApiResponses.Forbidden(authenticated.UserName, verb, route);
                }
            }

            if (route.Resource is not null && !authenticated.Allows(verb, route.Resource.Plural, route.Subresource, route.Namespace))
            {
                throw ApiResponses.Forbidden(authenticated.UserName, verb, route);
            }

            await AnswerAsync(new RequestContext(context, route, authenticated, verb)).ConfigureAwait(false);
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            await ApiResponses.WriteStatusAsync(context, ex).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        finally
        {
            requestLog.Add(new LoopbackRequest(context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty, user, reset ? 0 : context.Response.StatusCode));
        }
    }

    private Task AnswerAsync(RequestContext request)
    {
        var http = request.Http;
        var route = request.Route;
        var isRead = http.Request.Method is "GET" or "HEAD";
        if (!isRead && route.Kind is not (ApiRouteKind.Resource or ApiRouteKind.SelfSubjectReview or ApiRouteKind.SelfSubjectAccessReview))
        {
            throw ApiException.MethodNotAllowed($"the server does not allow this method on the requested resource ({http.Request.Method} {http.Request.Path})");
        }

        return route.Kind switch
        {
            ApiRouteKind.Version => ApiResponses.WriteJsonAsync(http, 200, VersionInfo()),
            ApiRouteKind.Health => ApiResponses.WriteTextAsync(http, 200, "ok"),
            ApiRouteKind.Root => ApiResponses.WriteJsonAsync(http, 200, new JsonObject
            {
                ["paths"] = new JsonArray([.. RootPaths.Select(p => (JsonNode)p)]),
            }),
            ApiRouteKind.CoreVersions => ApiResponses.WriteJsonAsync(http, 200, DiscoveryDocuments.CoreVersions(serverAddress())),
            ApiRouteKind.GroupList => ApiResponses.WriteJsonAsync(http, 200, DiscoveryDocuments.GroupList()),
            ApiRouteKind.Group => ApiResponses.WriteJsonAsync(http, 200, DiscoveryDocuments.Group(route.Group)),
            ApiRouteKind.ResourceList => ApiResponses.WriteJsonAsync(http, 200, DiscoveryDocuments.ResourceList(route.Group, route.Version)),
            ApiRouteKind.OpenApiV2 or ApiRouteKind.OpenApiV3 => OpenApiDocuments.WriteAsync(http, route),
            ApiRouteKind.SelfSubjectReview or ApiRouteKind.SelfSubjectAccessReview => ReviewHandler.HandleAsync(request),
            ApiRouteKind.Resource => resources.HandleAsync(request),
            _ => throw ApiResponses.PathNotFound(),
        };
    }

    private JsonObject VersionInfo()
    {
        var parts = options.KubernetesVersion.TrimStart('v').Split('.', '-', '+');
        return new JsonObject
        {
            ["major"] = parts[0],
            ["minor"] = parts[1],
            ["gitVersion"] = options.KubernetesVersion,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2025-01-01T00:00:00Z",
            ["goVersion"] = "go1.23.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        };
    }
}
