using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Store;
using Connectors.Kubernetes.Testing.Store.Patching;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>Create, get, list, watch, update, patch and delete of stored objects, and their subresources.</summary>
internal sealed class ResourceHandler(ObjectStore store, TableConverter tables, WatchStreamer watches, PodLogStreamer logs)
{
    public Task HandleAsync(RequestContext request)
    {
        var route = request.Route;
        return (request.Http.Request.Method, route.Subresource) switch
        {
            (_, "log") when request.Verb == "get" => logs.StreamAsync(request),
            (_, "scale") => ScaleAsync(request),
            ("GET" or "HEAD", _) when route.Name is null && request.Verb == "watch" => watches.StreamAsync(request),
            ("GET" or "HEAD", _) when route.Name is null => ListAsync(request),
            ("GET" or "HEAD", _) when request.Verb == "watch" => watches.StreamAsync(request),
            ("GET" or "HEAD", _) => GetAsync(request),
            ("POST", null) when route.Name is null => CreateAsync(request),
            ("PUT", _) when route.Name is not null => ReplaceAsync(request),
            ("PATCH", _) when route.Name is not null => PatchAsync(request),
            ("DELETE", null) when route.Name is not null => DeleteAsync(request),
            _ => throw ApiException.MethodNotAllowed($"the server does not allow this method on the requested resource ({request.Http.Request.Method} {request.Http.Request.Path})"),
        };
    }

    private Task GetAsync(RequestContext request)
    {
        var route = request.Route;
        var obj = store.Get(route.Resource!, route.Namespace, route.Name!);
        return WriteObjectAsync(request, 200, obj);
    }

    private Task ListAsync(RequestContext request)
    {
        var route = request.Route;
        var resource = route.Resource!;
        var filter = Filter(request);
        var (items, version) = store.List(resource, route.Namespace, filter);
        var versionText = version.ToString(CultureInfo.InvariantCulture);
        if (TableConverter.IsRequested(request.Http.Request.Headers.Accept))
        {
            return ApiResponses.WriteJsonAsync(request.Http, 200, tables.ToTable(resource, items, versionText, request.Query("includeObject") == "Object"));
        }

        var list = new JsonObject
        {
            ["kind"] = resource.Kind + "List",
            ["apiVersion"] = resource.GroupVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = versionText },
            ["items"] = new JsonArray([.. items]),
        };
        return ApiResponses.WriteJsonAsync(request.Http, 200, list);
    }

    private async Task CreateAsync(RequestContext request)
    {
        RejectDryRun(request);
        var route = request.Route;
        var resource = route.Resource!;
        var body = JsonTree.ParseObject(await request.ReadBodyAsync().ConfigureAwait(false));
        CheckKind(resource, body);
        var ns = NamespaceFor(resource, route.Namespace, body);
        var created = store.Create(resource, ns, body);
        await WriteObjectAsync(request, 201, created).ConfigureAwait(false);
    }

    private async Task ReplaceAsync(RequestContext request)
    {
        RejectDryRun(request);
        var route = request.Route;
        var resource = route.Resource!;
        var body = JsonTree.ParseObject(await request.ReadBodyAsync().ConfigureAwait(false));
        CheckKind(resource, body);
        NamespaceFor(resource, route.Namespace, body);
        var scope = route.Subresource == "status" ? WriteScope.Status : WriteScope.Object;
        var updated = store.Update(resource, route.Namespace, route.Name!, _ => body, scope);
        await WriteObjectAsync(request, 200, updated).ConfigureAwait(false);
    }

    private async Task PatchAsync(RequestContext request)
    {
        RejectDryRun(request);
        var route = request.Route;
        var resource = route.Resource!;
        var contentType = request.Http.Request.ContentType ?? string.Empty;
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        var raw = await request.ReadBodyAsync().ConfigureAwait(false);
        var scope = route.Subresource == "status" ? WriteScope.Status : WriteScope.Object;
        Func<JsonObject, JsonObject> change = mediaType switch
        {
            "application/merge-patch+json" => current => MergePatch.Apply(current, ParseNode(raw)) as JsonObject ?? throw ApiException.BadRequest("a merge patch must be a JSON object"),
            "application/strategic-merge-patch+json" => current => StrategicMergePatch.Apply(current, ParseNode(raw)) as JsonObject ?? throw ApiException.BadRequest("a strategic merge patch must be a JSON object"),
            "application/json-patch+json" => current => JsonPatch.Apply(current, ParseNode(raw)),
            "application/apply-patch+yaml" or "application/apply-patch+cbor" => current => ApplyPatch(request, resource, current, raw),
            _ => throw ApiException.UnsupportedMediaType(contentType),
        };

        JsonObject result;
        if (mediaType == "application/apply-patch+yaml" && store.TryGet(resource, route.Namespace, route.Name!) is null)
        {
            // Server-side apply creates what does not exist yet.
            var body = ParseApplyBody(raw);
            CheckKind(resource, body);
            JsonTree.Metadata(body)["name"] = route.Name;
            result = store.Create(resource, NamespaceFor(resource, route.Namespace, body), body);
            await WriteObjectAsync(request, 201, result).ConfigureAwait(false);
            return;
        }

        result = store.Update(resource, route.Namespace, route.Name!, change, scope);
        await WriteObjectAsync(request, 200, result).ConfigureAwait(false);
    }

    private async Task DeleteAsync(RequestContext request)
    {
        RejectDryRun(request);
        var route = request.Route;
        var resource = route.Resource!;
        var policy = request.Query("propagationPolicy");
        var raw = await request.ReadBodyAsync().ConfigureAwait(false);
        if (raw.Length > 0)
        {
            policy = JsonTree.String(JsonTree.ParseObject(raw), "propagationPolicy") ?? policy;
        }

        var deleted = store.Delete(resource, route.Namespace, route.Name!, orphanDependents: policy == "Orphan");
        // Pods, services and namespaces answer with the object, as the API server does (and as the official
        // client's typed Delete methods expect); other kinds with a Status.
        JsonNode answer = resource == ApiCatalog.Pods || resource == ApiCatalog.Services || resource == ApiCatalog.Namespaces ? deleted : ApiResponses.Success(resource, deleted);
        await ApiResponses.WriteJsonAsync(request.Http, 200, answer).ConfigureAwait(false);
    }

    private async Task ScaleAsync(RequestContext request)
    {
        var route = request.Route;
        var resource = route.Resource!;
        if (request.Http.Request.Method is "PUT" or "PATCH")
        {
            var raw = await request.ReadBodyAsync().ConfigureAwait(false);
            var patchType = (request.Http.Request.ContentType ?? string.Empty).Split(';')[0].Trim();
            store.Update(resource, route.Namespace, route.Name!, current =>
            {
                var scale = Scale(current);
                var next = request.Http.Request.Method == "PUT" ? JsonTree.ParseObject(raw)
                    : patchType == "application/json-patch+json" ? JsonPatch.Apply(scale, ParseNode(raw))
                    : MergePatch.Apply(scale, ParseNode(raw)) as JsonObject ?? scale;
                var replicas = JsonTree.Integer(next, "spec", "replicas") ?? throw ApiException.BadRequest("a Scale needs spec.replicas");
                JsonTree.Child(current, "spec")["replicas"] = replicas;
                return current;
            }, WriteScope.Object);
        }
        else if (request.Http.Request.Method is not ("GET" or "HEAD"))
        {
            throw ApiException.MethodNotAllowed("the scale subresource supports get, update and patch");
        }

        await ApiResponses.WriteJsonAsync(request.Http, 200, Scale(store.Get(resource, route.Namespace, route.Name!))).ConfigureAwait(false);
    }

    private static JsonObject Scale(JsonObject deployment)
    {
        var selector = JsonTree.Walk(deployment, "spec", "selector", "matchLabels") as JsonObject;
        var selectorText = selector is null ? string.Empty : string.Join(",", selector.Select(p => p.Key + "=" + p.Value?.GetValue<string>()));
        var metadata = deployment["metadata"]!.AsObject();
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]?.DeepClone(),
                ["namespace"] = metadata["namespace"]?.DeepClone(),
                ["uid"] = metadata["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = JsonTree.Integer(deployment, "spec", "replicas") ?? 1 },
            ["status"] = new JsonObject { ["replicas"] = JsonTree.Integer(deployment, "status", "replicas") ?? 0, ["selector"] = selectorText },
        };
    }

    private static JsonObject ApplyPatch(RequestContext request, ApiResource resource, JsonObject current, byte[] raw)
    {
        if (string.IsNullOrEmpty(request.Query("fieldManager")))
        {
            throw ApiException.BadRequest("PATCH requests of type application/apply-patch+yaml need a fieldManager query parameter (server-side apply)");
        }

        var body = ParseApplyBody(raw);
        CheckKind(resource, body);
        // Server-side apply without field ownership: the applied configuration is merged over the live object.
        return StrategicMergePatch.Apply(current, body) as JsonObject ?? current;
    }

    private static JsonObject ParseApplyBody(byte[] raw)
    {
        var text = Encoding.UTF8.GetString(raw).TrimStart();
        if (!text.StartsWith('{'))
        {
            throw new ApiException(415, "UnsupportedMediaType", "the loopback server accepts server-side apply bodies written as JSON (which is valid YAML); send the applied configuration as JSON");
        }

        return JsonTree.ParseObject(raw);
    }

    private Task WriteObjectAsync(RequestContext request, int statusCode, JsonObject obj)
    {
        var resource = request.Route.Resource!;
        if (request.Route.Subresource is null or "status" && TableConverter.IsRequested(request.Http.Request.Headers.Accept) && request.Verb == "get")
        {
            return ApiResponses.WriteJsonAsync(request.Http, statusCode, tables.ToTable(resource, [obj], JsonTree.String(obj, "metadata", "resourceVersion"), request.Query("includeObject") == "Object"));
        }

        return ApiResponses.WriteJsonAsync(request.Http, statusCode, obj);
    }

    internal static Func<JsonObject, bool> Filter(RequestContext request)
    {
        var labels = LabelSelector.Parse(request.Query("labelSelector"));
        var fields = FieldSelector.Parse(request.Query("fieldSelector"));
        return obj => labels.Matches(JsonTree.Labels(obj)) && fields(obj);
    }

    private static JsonNode? ParseNode(byte[] raw)
    {
        try
        {
            return JsonNode.Parse(raw);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw ApiException.BadRequest("the patch is not valid JSON: " + ex.Message);
        }
    }

    private static void CheckKind(ApiResource resource, JsonObject body)
    {
        var kind = JsonTree.String(body, "kind");
        var apiVersion = JsonTree.String(body, "apiVersion");
        if ((kind is not null && kind != resource.Kind) || (apiVersion is not null && apiVersion != resource.GroupVersion))
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) and kind ({kind}) do not match the resource {resource.QualifiedName} ({resource.GroupVersion}, {resource.Kind})");
        }
    }

    private static string? NamespaceFor(ApiResource resource, string? routeNamespace, JsonObject body)
    {
        if (!resource.Namespaced)
        {
            return null;
        }

        var bodyNamespace = JsonTree.String(body, "metadata", "namespace");
        if (routeNamespace is null)
        {
            throw ApiException.BadRequest($"{resource.QualifiedName} are namespaced: create them under /namespaces/{{namespace}}/{resource.Plural}");
        }

        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != routeNamespace)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        return routeNamespace;
    }

    private static void RejectDryRun(RequestContext request)
    {
        if (!string.IsNullOrEmpty(request.Query("dryRun")))
        {
            throw ApiException.BadRequest("the loopback server does not support dryRun; run the request without it");
        }
    }
}
