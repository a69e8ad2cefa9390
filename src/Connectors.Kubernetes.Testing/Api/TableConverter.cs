using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Store;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>
/// Server-side printing: the <c>meta.k8s.io/v1</c> <c>Table</c> that <c>kubectl get</c> asks for, with
/// the columns kubectl shows for each kind.
/// </summary>
internal sealed class TableConverter(TimeProvider time)
{
    private sealed record Column(string Name, string Type, string Description, int Priority = 0);

    public static bool IsRequested(string? accept) => accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public JsonObject ToTable(ApiResource resource, IEnumerable<JsonObject> objects, string? resourceVersion, bool includeObject)
    {
        var columns = Columns(resource);
        var definitions = new JsonArray();
        foreach (var column in columns)
        {
            definitions.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["format"] = column.Name == "Name" ? "name" : string.Empty,
                ["description"] = column.Description,
                ["priority"] = column.Priority,
            });
        }

        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = new JsonArray();
            foreach (var cell in Cells(resource, obj))
            {
                cells.Add(cell);
            }

            rows.Add(new JsonObject
            {
                ["cells"] = cells,
                ["object"] = includeObject ? obj.DeepClone() : PartialMetadata(obj),
            });
        }

        var metadata = new JsonObject();
        if (resourceVersion is not null)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = definitions,
            ["rows"] = rows,
        };
    }

    private static JsonObject PartialMetadata(JsonObject obj) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = obj["metadata"]?.DeepClone(),
    };

    private static Column[] Columns(ApiResource resource)
    {
        Column name = new("Name", "string", "Name must be unique within a namespace.");
        Column age = new("Age", "string", "Time since the object was created.");
        return resource.Plural switch
        {
            "namespaces" => [name, new("Status", "string", "The namespace phase."), age],
            "pods" =>
            [
                name, new("Ready", "string", "Ready containers out of all."), new("Status", "string", "The pod's phase or reason."),
                new("Restarts", "string", "Container restarts."), age, new("IP", "string", "Pod IP.", 1), new("Node", "string", "Node name.", 1),
            ],
            "services" =>
            [
                name, new("Type", "string", "Service type."), new("Cluster-IP", "string", "Cluster IP."),
                new("External-IP", "string", "External IPs."), new("Port(s)", "string", "Ports."), age,
            ],
            "configmaps" => [name, new("Data", "integer", "Number of data entries."), age],
            "secrets" => [name, new("Type", "string", "Secret type."), new("Data", "integer", "Number of data entries."), age],
            "deployments" =>
            [
                name, new("Ready", "string", "Ready replicas out of desired."), new("Up-to-date", "integer", "Updated replicas."),
                new("Available", "integer", "Available replicas."), age,
            ],
            "jobs" =>
            [
                name, new("Status", "string", "Job status."), new("Completions", "string", "Succeeded out of desired."),
                new("Duration", "string", "Run time."), age,
            ],
            _ => [name, age],
        };
    }

    private JsonNode?[] Cells(ApiResource resource, JsonObject obj)
    {
        var name = JsonTree.String(obj, "metadata", "name");
        var age = Age(JsonTree.String(obj, "metadata", "creationTimestamp"));
        switch (resource.Plural)
        {
            case "namespaces":
                return [name, JsonTree.String(obj, "status", "phase") ?? "Active", age];
            case "pods":
                {
                    var containers = (JsonTree.Walk(obj, "spec", "containers") as JsonArray)?.Count ?? 0;
                    var statuses = JsonTree.Walk(obj, "status", "containerStatuses") as JsonArray;
                    var ready = statuses?.Count(s => JsonTree.Walk(s, "ready") is JsonValue v && v.TryGetValue<bool>(out var b) && b) ?? 0;
                    var restarts = statuses?.Sum(s => JsonTree.Integer(s, "restartCount") ?? 0) ?? 0;
                    var phase = JsonTree.String(obj, "status", "phase") ?? "Pending";
                    var shown = phase switch { "Succeeded" => "Completed", "Failed" => "Error", _ => phase };
                    return [name, $"{ready}/{containers}", shown, restarts.ToString(CultureInfo.InvariantCulture), age,
                        JsonTree.String(obj, "status", "podIP") ?? "<none>", JsonTree.String(obj, "spec", "nodeName") ?? "<none>"];
                }

            case "services":
                {
                    var ports = (JsonTree.Walk(obj, "spec", "ports") as JsonArray)?.Select(p => $"{JsonTree.Integer(p, "port")}/{JsonTree.String(p, "protocol") ?? "TCP"}") ?? [];
                    var text = string.Join(",", ports);
                    return [name, JsonTree.String(obj, "spec", "type") ?? "ClusterIP", JsonTree.String(obj, "spec", "clusterIP") ?? "<none>",
                        "<none>", text.Length == 0 ? "<none>" : text, age];
                }

            case "configmaps":
                return [name, Count(obj, "data") + Count(obj, "binaryData"), age];
            case "secrets":
                return [name, JsonTree.String(obj, "type") ?? "Opaque", Count(obj, "data"), age];
            case "deployments":
                {
                    var desired = JsonTree.Integer(obj, "spec", "replicas") ?? 1;
                    return [name, $"{JsonTree.Integer(obj, "status", "readyReplicas") ?? 0}/{desired}",
                        JsonTree.Integer(obj, "status", "updatedReplicas") ?? 0, JsonTree.Integer(obj, "status", "availableReplicas") ?? 0, age];
                }

            case "jobs":
                {
                    var completions = JsonTree.Integer(obj, "spec", "completions") ?? 1;
                    var succeeded = JsonTree.Integer(obj, "status", "succeeded") ?? 0;
                    var conditions = JsonTree.Walk(obj, "status", "conditions") as JsonArray;
                    bool Has(string type) => conditions?.Any(c => JsonTree.String(c, "type") == type && JsonTree.String(c, "status") == "True") ?? false;
                    var status = Has("Complete") ? "Complete" : Has("Failed") ? "Failed" : "Running";
                    var start = JsonTree.ParseTimestamp(JsonTree.String(obj, "status", "startTime"));
                    var end = JsonTree.ParseTimestamp(JsonTree.String(obj, "status", "completionTime")) ?? time.GetUtcNow();
                    var duration = start is null ? string.Empty : Human(end - start.Value);
                    return [name, status, $"{succeeded}/{completions}", duration, age];
                }

            default:
                return [name, age];
        }
    }

    private static int Count(JsonObject obj, string field) => (obj[field] as JsonObject)?.Count ?? 0;

    private string Age(string? created)
    {
        var at = JsonTree.ParseTimestamp(created);
        return at is null ? "<unknown>" : Human(time.GetUtcNow() - at.Value);
    }

    private static string Human(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalSeconds < 120 ? $"{(int)span.TotalSeconds}s"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes}m"
            : span.TotalHours < 48 ? $"{(int)span.TotalHours}h"
            : $"{(int)span.TotalDays}d";
    }
}
