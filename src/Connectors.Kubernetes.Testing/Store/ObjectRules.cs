using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connectors.Kubernetes.Testing.Api;

namespace Connectors.Kubernetes.Testing.Store;

/// <summary>
/// What the API server checks and fills in for each kind before it stores an object: the subset
/// that clients notice (names, required fields, selectors, defaults), answered with 422 Invalid.
/// </summary>
internal static partial class ObjectRules
{
    private static int s_nextServiceAddress;

    public static void Prepare(ApiResource resource, JsonObject obj, JsonObject? existing, ObjectStore store)
    {
        _ = store;
        var errors = new List<FieldError>();
        var name = JsonTree.String(obj, "metadata", "name") ?? string.Empty;
        CheckName(resource, name, errors);
        CheckStringMap(obj, "metadata.labels", errors, "metadata", "labels");
        CheckStringMap(obj, "metadata.annotations", errors, "metadata", "annotations");

        if (resource == ApiCatalog.Namespaces)
        {
            JsonTree.Child(obj, "spec")["finalizers"] ??= new JsonArray("kubernetes");
            JsonTree.Child(obj, "status")["phase"] ??= "Active";
            JsonTree.Child(JsonTree.Metadata(obj), "labels")["kubernetes.io/metadata.name"] = name;
        }
        else if (resource == ApiCatalog.Pods)
        {
            CheckPodSpec(JsonTree.Walk(obj, "spec") as JsonObject, "spec", errors, requireRestartPolicyForJobs: false);
        }
        else if (resource == ApiCatalog.Deployments)
        {
            PrepareDeployment(obj, errors);
        }
        else if (resource == ApiCatalog.Jobs)
        {
            PrepareJob(obj, existing, errors);
        }
        else if (resource == ApiCatalog.Services)
        {
            PrepareService(obj, existing, errors);
        }
        else if (resource == ApiCatalog.ConfigMaps)
        {
            CheckStringMap(obj, "data", errors, "data");
        }
        else if (resource == ApiCatalog.Secrets)
        {
            PrepareSecret(obj, errors);
        }

        if (errors.Count > 0)
        {
            throw ApiException.Invalid(resource, name, errors);
        }
    }

    private static void CheckName(ApiResource resource, string name, List<FieldError> errors)
    {
        // Namespaces and services must be DNS labels; everything else a DNS subdomain.
        var label = resource == ApiCatalog.Namespaces || resource == ApiCatalog.Services;
        if (label ? !DnsLabel().IsMatch(name) || name.Length > 63 : !DnsSubdomain().IsMatch(name) || name.Length > 253)
        {
            errors.Add(FieldError.InvalidValue("metadata.name", name, label
                ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
                : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"));
        }
    }

    private static void CheckStringMap(JsonObject obj, string field, List<FieldError> errors, params ReadOnlySpan<string> path)
    {
        var node = JsonTree.Walk(obj, path);
        if (node is null)
        {
            return;
        }

        if (node is not JsonObject map)
        {
            errors.Add(new FieldError(field, "FieldValueTypeInvalid", "Invalid value: must be a map of strings"));
            return;
        }

        foreach (var (key, value) in map)
        {
            if (value is not JsonValue v || !v.TryGetValue<string>(out _))
            {
                errors.Add(new FieldError(field + "[" + key + "]", "FieldValueTypeInvalid", "Invalid value: must be a string"));
            }
        }
    }

    private static void CheckPodSpec(JsonObject? spec, string field, List<FieldError> errors, bool requireRestartPolicyForJobs)
    {
        if (spec is null)
        {
            errors.Add(FieldError.Required(field));
            return;
        }

        if (spec["containers"] is not JsonArray containers || containers.Count == 0)
        {
            errors.Add(FieldError.Required(field + ".containers"));
        }
        else
        {
            for (var i = 0; i < containers.Count; i++)
            {
                var container = containers[i] as JsonObject;
                var containerName = JsonTree.String(container, "name");
                if (string.IsNullOrEmpty(containerName))
                {
                    errors.Add(FieldError.Required($"{field}.containers[{i}].name"));
                }

                if (string.IsNullOrEmpty(JsonTree.String(container, "image")))
                {
                    errors.Add(FieldError.Required($"{field}.containers[{i}].image"));
                }
            }
        }

        var restartPolicy = JsonTree.String(spec, "restartPolicy");
        if (requireRestartPolicyForJobs)
        {
            if (restartPolicy is not ("Never" or "OnFailure"))
            {
                errors.Add(FieldError.Unsupported(field + ".restartPolicy", restartPolicy ?? "Always", ["OnFailure", "Never"]));
            }
        }
        else
        {
            spec["restartPolicy"] ??= "Always";
        }

        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["schedulerName"] ??= "default-scheduler";
    }

    private static void PrepareDeployment(JsonObject obj, List<FieldError> errors)
    {
        var spec = JsonTree.Child(obj, "spec");
        spec["replicas"] ??= 1;
        if ((JsonTree.Integer(spec, "replicas") ?? 0) < 0)
        {
            errors.Add(FieldError.InvalidValue("spec.replicas", spec["replicas"]!.ToJsonString(), "must be greater than or equal to 0"));
        }

        spec["revisionHistoryLimit"] ??= 10;
        spec["progressDeadlineSeconds"] ??= 600;
        spec["strategy"] ??= new JsonObject
        {
            ["type"] = "RollingUpdate",
            ["rollingUpdate"] = new JsonObject { ["maxSurge"] = "25%", ["maxUnavailable"] = "25%" },
        };
        CheckSelectorMatchesTemplate(spec, errors);
        CheckPodSpec(JsonTree.Walk(spec, "template", "spec") as JsonObject, "spec.template.spec", errors, requireRestartPolicyForJobs: false);
    }

    private static void PrepareJob(JsonObject obj, JsonObject? existing, List<FieldError> errors)
    {
        var spec = JsonTree.Child(obj, "spec");
        spec["completions"] ??= 1;
        spec["parallelism"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        var manualSelector = spec["manualSelector"] is JsonValue manual && manual.TryGetValue<bool>(out var isManual) && isManual;
        if (existing is null && !manualSelector)
        {
            // Like the API server, a Job selects its pods by its own uid unless told otherwise.
            var uid = JsonTree.String(obj, "metadata", "uid") ?? string.Empty;
            var jobName = JsonTree.String(obj, "metadata", "name") ?? string.Empty;
            spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid } };
            var labels = JsonTree.Child(JsonTree.Child(JsonTree.Child(spec, "template"), "metadata"), "labels");
            labels["batch.kubernetes.io/controller-uid"] = uid;
            labels["batch.kubernetes.io/job-name"] = jobName;
            labels["controller-uid"] = uid;
            labels["job-name"] = jobName;
        }
        else if (existing is not null && !JsonTree.DeepEquals(JsonTree.Walk(existing, "spec", "template"), JsonTree.Walk(obj, "spec", "template")))
        {
            errors.Add(new FieldError("spec.template", "FieldValueInvalid", "Invalid value: field is immutable"));
        }

        CheckPodSpec(JsonTree.Walk(spec, "template", "spec") as JsonObject, "spec.template.spec", errors, requireRestartPolicyForJobs: true);
    }

    private static void PrepareService(JsonObject obj, JsonObject? existing, List<FieldError> errors)
    {
        var spec = JsonTree.Child(obj, "spec");
        spec["type"] ??= "ClusterIP";
        var existingIp = JsonTree.String(existing, "spec", "clusterIP");
        if (existingIp is not null)
        {
            spec["clusterIP"] = existingIp;
        }
        else if (JsonTree.String(spec, "clusterIP") is null)
        {
            var next = Interlocked.Increment(ref s_nextServiceAddress);
            spec["clusterIP"] = $"10.96.{(next / 250) % 250}.{(next % 250) + 2}";
        }

        spec["clusterIPs"] = new JsonArray(JsonTree.String(spec, "clusterIP"));
        spec["sessionAffinity"] ??= "None";
        if (spec["ports"] is JsonArray ports)
        {
            for (var i = 0; i < ports.Count; i++)
            {
                if (ports[i] is not JsonObject port || JsonTree.Integer(port, "port") is not (> 0 and < 65536))
                {
                    errors.Add(FieldError.Required($"spec.ports[{i}].port"));
                    continue;
                }

                port["protocol"] ??= "TCP";
                port["targetPort"] ??= port["port"]!.DeepClone();
            }
        }
        else if (JsonTree.String(spec, "type") != "ExternalName")
        {
            errors.Add(FieldError.Required("spec.ports"));
        }

        JsonTree.Child(obj, "status")["loadBalancer"] ??= new JsonObject();
    }

    private static void PrepareSecret(JsonObject obj, List<FieldError> errors)
    {
        obj["type"] ??= "Opaque";
        // stringData is write-only: folded into data as base64, as the API server does.
        if (obj["stringData"] is JsonObject stringData)
        {
            var data = JsonTree.Child(obj, "data");
            foreach (var (key, value) in stringData)
            {
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? string.Empty;
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
            }

            obj.Remove("stringData");
        }

        if (obj["data"] is JsonObject encoded)
        {
            foreach (var (key, value) in encoded)
            {
                if (value is not JsonValue v || !v.TryGetValue<string>(out var text) || !Base64.IsValid(text))
                {
                    errors.Add(new FieldError($"data[{key}]", "FieldValueInvalid", "Invalid value: must be base64-encoded bytes"));
                }
            }
        }
    }

    private static void CheckSelectorMatchesTemplate(JsonObject spec, List<FieldError> errors)
    {
        if (JsonTree.Walk(spec, "selector") is not JsonObject selector)
        {
            errors.Add(FieldError.Required("spec.selector"));
            return;
        }

        var labels = JsonTree.Labels(spec, "template", "metadata", "labels");
        var matcher = LabelSelector.FromObject(selector);
        if (matcher.IsEmpty)
        {
            errors.Add(FieldError.InvalidValue("spec.selector", "{}", "empty selector is invalid for deployment"));
        }
        else if (!matcher.Matches(labels))
        {
            errors.Add(FieldError.InvalidValue("spec.template.metadata.labels", string.Join(",", labels.Select(l => l.Key + "=" + l.Value)), "`selector` does not match template `labels`"));
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();
}
