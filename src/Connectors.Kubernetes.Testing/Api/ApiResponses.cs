using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>Writes JSON answers and the API server's <c>Status</c> bodies.</summary>
internal static class ApiResponses
{
    // Relaxed escaping writes quotes as \" and keeps non-ASCII text readable, as the API server's encoder does.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        var bytes = Serialize(body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    public static byte[] Serialize(JsonNode body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>One watch event line, <c>{"type":…,"object":…}</c>, without attaching the object to a new parent.</summary>
    public static byte[] SerializeEvent(string type, JsonNode obj)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            obj.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static Task WriteTextAsync(HttpContext context, int statusCode, string text)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    public static JsonObject Status(ApiException error)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = error.Message,
            ["reason"] = error.Reason,
        };
        if (error.Details is not null)
        {
            status["details"] = error.Details.DeepClone();
        }

        status["code"] = error.Code;
        return status;
    }

    public static Task WriteStatusAsync(HttpContext context, ApiException error)
        => WriteJsonAsync(context, error.Code, Status(error));

    public static JsonObject Success(ApiResource resource, JsonObject deleted)
    {
        var details = new JsonObject { ["name"] = Store.JsonTree.String(deleted, "metadata", "name") };
        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }

        details["kind"] = resource.Plural;
        details["uid"] = Store.JsonTree.String(deleted, "metadata", "uid");
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    public static ApiException Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static ApiException Forbidden(string user, string verb, ApiRoute route)
    {
        var resource = route.Resource!;
        var full = route.Subresource is null ? resource.Plural : resource.Plural + "/" + route.Subresource;
        var named = route.Name is null ? string.Empty : $" \"{route.Name}\"";
        var scope = route.Namespace is null ? "at the cluster scope" : $"in the namespace \"{route.Namespace}\"";
        var details = new JsonObject();
        if (route.Name is not null)
        {
            details["name"] = route.Name;
        }

        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }

        details["kind"] = resource.Plural;
        return new ApiException(403, "Forbidden", $"{resource.QualifiedName}{named} is forbidden: User \"{user}\" cannot {verb} resource \"{full}\" in API group \"{resource.Group}\" {scope}", details);
    }

    public static ApiException ForbiddenPath(string user, string verb, string path)
        => new(403, "Forbidden", $"forbidden: User \"{user}\" cannot {verb} path \"{path}\"", new JsonObject());

    public static ApiException PathNotFound() => new(404, "NotFound", "the server could not find the requested resource", new JsonObject());
}
