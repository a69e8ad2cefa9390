using System.Text.Json.Nodes;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>A failed API call, answered with a Kubernetes <c>Status</c> body.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public ApiException()
        : this(500, "InternalError", "internal error")
    {
    }

    public ApiException(string message)
        : this(500, "InternalError", message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Reason = "InternalError";
    }

    public int Code { get; }

    public string Reason { get; }

    public JsonObject? Details { get; }

    public static ApiException NotFound(ApiResource resource, string name)
        => new(404, "NotFound", $"{resource.QualifiedName} \"{name}\" not found", Detail(resource, name));

    public static ApiException AlreadyExists(ApiResource resource, string name)
        => new(409, "AlreadyExists", $"{resource.QualifiedName} \"{name}\" already exists", Detail(resource, name));

    public static ApiException Conflict(ApiResource resource, string name)
        => new(409, "Conflict", $"Operation cannot be fulfilled on {resource.QualifiedName} \"{name}\": the object has been modified; please apply your changes to the latest version and try again", Detail(resource, name));

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiException UnsupportedMediaType(string contentType)
        => new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/merge-patch+json, application/strategic-merge-patch+json, application/json-patch+json, application/apply-patch+yaml (got \"{contentType}\")");

    public static ApiException Invalid(ApiResource resource, string name, IReadOnlyList<FieldError> errors)
    {
        var causes = new JsonArray();
        foreach (var error in errors)
        {
            causes.Add(new JsonObject { ["reason"] = error.Reason, ["message"] = error.Message, ["field"] = error.Field });
        }

        var details = Detail(resource, name);
        details["kind"] = resource.Kind;
        details["causes"] = causes;
        var summary = string.Join(", ", errors.Select(e => $"{e.Field}: {e.Message}"));
        var shown = errors.Count == 1 ? summary : "[" + summary + "]";
        return new ApiException(422, "Invalid", $"{resource.Kind} \"{name}\" is invalid: {shown}", details);
    }

    private static JsonObject Detail(ApiResource resource, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }

        details["kind"] = resource.Plural;
        return details;
    }
}

/// <summary>One field problem in a 422 <c>Invalid</c> answer.</summary>
internal sealed record FieldError(string Field, string Reason, string Message)
{
    public static FieldError Required(string field) => new(field, "FieldValueRequired", "Required value");

    public static FieldError InvalidValue(string field, string value, string why)
        => new(field, "FieldValueInvalid", $"Invalid value: \"{value}\": {why}");

    public static FieldError Unsupported(string field, string value, IEnumerable<string> supported)
        => new(field, "FieldValueNotSupported", $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => "\"" + s + "\""))}");
}
