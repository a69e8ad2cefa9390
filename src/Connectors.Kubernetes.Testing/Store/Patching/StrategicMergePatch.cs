using System.Text.Json.Nodes;

namespace Connectors.Kubernetes.Testing.Store.Patching;

/// <summary>
/// The part of Kubernetes' strategic merge patch that clients rely on without the Go type tables:
/// lists of objects that the API merges by key (containers, env, volumes, ports, conditions…) are
/// merged by that key, <c>$patch: delete</c> and <c>$patch: replace</c> are honoured,
/// <c>$deleteFromPrimitiveList</c> and <c>$setElementOrder</c> are applied, and <c>$retainKeys</c>
/// is dropped. Any other list is replaced, as in a merge patch.
/// </summary>
internal static class StrategicMergePatch
{
    // Field name → merge key, for the lists of the kinds this server serves.
    private static readonly Dictionary<string, string[]> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["volumes"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["volumeDevices"] = ["devicePath"],
        ["env"] = ["name"],
        ["imagePullSecrets"] = ["name"],
        ["ports"] = ["containerPort", "port"],
        ["conditions"] = ["type"],
        ["tolerations"] = ["key"],
        ["hostAliases"] = ["ip"],
        ["ownerReferences"] = ["uid"],
    };

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        if (JsonTree.String(patchObject, "$patch") == "replace")
        {
            var replaced = (JsonObject)patchObject.DeepClone();
            replaced.Remove("$patch");
            return replaced;
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        var orders = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith("$setElementOrder/", StringComparison.Ordinal))
            {
                if (value is JsonArray order)
                {
                    orders[key["$setElementOrder/".Length..]] = order;
                }

                continue;
            }

            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (result[field] is JsonArray list && value is JsonArray removals)
                {
                    var removed = list.Where(item => !removals.Any(r => JsonNode.DeepEquals(r, item))).Select(i => i?.DeepClone()).ToArray();
                    result[field] = new JsonArray(removed);
                }

                continue;
            }

            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonArray patchList && MergeKeys.TryGetValue(key, out var keys) && IsObjectList(patchList))
            {
                result[key] = MergeList(result[key] as JsonArray, patchList, keys);
            }
            else
            {
                result[key] = Apply(result[key], value);
            }
        }

        foreach (var (field, order) in orders)
        {
            if (result[field] is JsonArray list && MergeKeys.TryGetValue(field, out var keys))
            {
                result[field] = Reorder(list, order, keys);
            }
        }

        return result;
    }

    private static bool IsObjectList(JsonArray list) => list.All(i => i is JsonObject);

    private static JsonArray MergeList(JsonArray? current, JsonArray patch, string[] keys)
    {
        var items = current is null ? [] : current.Select(i => i?.DeepClone()).ToList();
        foreach (var patchItem in patch.OfType<JsonObject>())
        {
            if (JsonTree.String(patchItem, "$patch") == "replace")
            {
                var whole = patch.OfType<JsonObject>().Where(i => JsonTree.String(i, "$patch") is null).Select(i => i.DeepClone()).ToArray();
                return new JsonArray(whole);
            }

            var (key, value) = KeyOf(patchItem, keys);
            var index = key is null ? -1 : items.FindIndex(i => i is JsonObject o && JsonNode.DeepEquals(o[key], value));
            if (JsonTree.String(patchItem, "$patch") == "delete")
            {
                if (index >= 0)
                {
                    items.RemoveAt(index);
                }

                continue;
            }

            if (index >= 0)
            {
                items[index] = Apply(items[index], patchItem);
            }
            else
            {
                items.Add(Apply(null, patchItem));
            }
        }

        return new JsonArray([.. items]);
    }

    private static JsonArray Reorder(JsonArray list, JsonArray order, string[] keys)
    {
        var remaining = list.Select(i => i?.DeepClone()).ToList();
        var ordered = new List<JsonNode?>();
        foreach (var marker in order.OfType<JsonObject>())
        {
            var (key, value) = KeyOf(marker, keys);
            var index = key is null ? -1 : remaining.FindIndex(i => i is JsonObject o && JsonNode.DeepEquals(o[key], value));
            if (index >= 0)
            {
                ordered.Add(remaining[index]);
                remaining.RemoveAt(index);
            }
        }

        ordered.AddRange(remaining);
        return new JsonArray([.. ordered]);
    }

    private static (string? Key, JsonNode? Value) KeyOf(JsonObject item, string[] keys)
    {
        foreach (var key in keys)
        {
            if (item[key] is { } value)
            {
                return (key, value);
            }
        }

        return (null, null);
    }
}
