using Connectors.Kubernetes.Testing.Identity;
using Microsoft.AspNetCore.Http;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>One API request after routing and authentication.</summary>
internal sealed record RequestContext(HttpContext Http, ApiRoute Route, AuthenticatedUser User, string Verb)
{
    public string? Query(string name)
    {
        var value = Http.Request.Query[name];
        return value.Count == 0 ? null : value[0];
    }

    public bool QueryFlag(string name) => Query(name) is "true" or "1";

    public bool IsProtobuf => Http.Request.ContentType?.Contains("protobuf", StringComparison.OrdinalIgnoreCase) == true;

    public async Task<byte[]> ReadBodyAsync()
    {
        if (IsProtobuf)
        {
            // Object bodies are JSON only. kubectl sends JSON for manifests (apply -f, create -f) but
            // protobuf from its imperative generators (create namespace, create configmap, …).
            throw new ApiException(415, "UnsupportedMediaType", $"the loopback API server accepts object bodies as JSON only (got \"{Http.Request.ContentType}\"); kubectl's imperative 'create <kind>' commands send protobuf: write a manifest and use 'kubectl apply -f' or 'kubectl create -f' instead");
        }

        return await ReadRawBodyAsync().ConfigureAwait(false);
    }

    public async Task<byte[]> ReadRawBodyAsync()
    {
        using var buffer = new MemoryStream();
        await Http.Request.Body.CopyToAsync(buffer, Http.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>The API verb of a request, as the authorizer names it.</summary>
    public static string VerbOf(string method, ApiRoute route, bool watch) => method switch
    {
        "GET" or "HEAD" when route.Name is null => watch ? "watch" : "list",
        "GET" or "HEAD" => route.Resource is not null && watch ? "watch" : "get",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" when route.Name is null => "deletecollection",
        "DELETE" => "delete",
        _ => method.ToLowerInvariant(),
    };
}
