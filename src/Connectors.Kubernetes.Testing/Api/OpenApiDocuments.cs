using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>
/// A minimal OpenAPI v3 surface: the index of group-version documents and, per group-version, the
/// object paths with their operations, the <c>x-kubernetes-group-version-kind</c> extension and the
/// <c>fieldValidation</c> query parameter. That is what <c>kubectl apply</c> reads to learn that the
/// server validates fields itself, so it skips client-side schema validation (no schemas are served:
/// <c>kubectl explain</c> is not supported). OpenAPI v2 is not served (404), which kubectl tolerates.
/// </summary>
internal static class OpenApiDocuments
{
    private static readonly string[] GroupVersions = ["api/v1", "apis/apps/v1", "apis/batch/v1"];

    public static Task WriteAsync(HttpContext context, ApiRoute route)
    {
        if (route.Kind == ApiRouteKind.OpenApiV2)
        {
            throw ApiResponses.PathNotFound();
        }

        var path = route.OpenApiPath ?? string.Empty;
        if (path.Length == 0)
        {
            var paths = new JsonObject();
            foreach (var groupVersion in GroupVersions)
            {
                paths[groupVersion] = new JsonObject { ["serverRelativeURL"] = "/openapi/v3/" + groupVersion };
            }

            return ApiResponses.WriteJsonAsync(context, 200, new JsonObject { ["paths"] = paths });
        }

        if (!GroupVersions.Contains(path))
        {
            throw ApiResponses.PathNotFound();
        }

        var segments = path.Split('/');
        var group = segments[0] == "api" ? string.Empty : segments[1];
        var version = segments[^1];
        return ApiResponses.WriteJsonAsync(context, 200, Document(group, version));
    }

    private static JsonObject Document(string group, string version)
    {
        var paths = new JsonObject();
        foreach (var resource in ApiCatalog.InGroupVersion(group, version))
        {
            var prefix = (group.Length == 0 ? "/api/" : "/apis/" + group + "/") + version;
            var collection = resource.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{resource.Plural}" : $"{prefix}/{resource.Plural}";
            paths[collection] = new JsonObject
            {
                ["get"] = Operation(resource, "list", withFieldValidation: false),
                ["post"] = Operation(resource, "post", withFieldValidation: true),
            };
            paths[collection + "/{name}"] = new JsonObject
            {
                ["get"] = Operation(resource, "get", withFieldValidation: false),
                ["put"] = Operation(resource, "put", withFieldValidation: true),
                ["patch"] = Operation(resource, "patch", withFieldValidation: true),
                ["delete"] = Operation(resource, "delete", withFieldValidation: false),
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes (loopback)", ["version"] = version },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject Operation(ApiResource resource, string action, bool withFieldValidation)
    {
        var parameters = new JsonArray();
        if (withFieldValidation)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = "fieldValidation",
                ["in"] = "query",
                ["description"] = "Accepted; the loopback server does not reject unknown fields.",
                ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
            });
        }

        // No requestBody on purpose: kubectl then builds strategic merge patches from its own types.
        return new JsonObject
        {
            ["operationId"] = action + resource.Kind,
            ["parameters"] = parameters,
            ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = resource.Group, ["version"] = resource.Version, ["kind"] = resource.Kind },
        };
    }
}
