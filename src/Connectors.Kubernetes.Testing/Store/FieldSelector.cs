using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Api;

namespace Connectors.Kubernetes.Testing.Store;

/// <summary>
/// A field selector over dotted paths (<c>metadata.name=x,status.phase!=Running</c>); enough for the
/// selectors clients use, such as watching one object by name.
/// </summary>
internal static class FieldSelector
{
    public static Func<JsonObject, bool> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return static _ => true;
        }

        var tests = new List<Func<JsonObject, bool>>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var notEquals = raw.IndexOf("!=", StringComparison.Ordinal);
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            if (notEquals <= 0 && equals <= 0)
            {
                throw ApiException.BadRequest($"invalid field selector \"{text}\": each term must be field=value or field!=value");
            }

            var negate = notEquals > 0;
            var path = raw[..(negate ? notEquals : equals)].Trim().Split('.');
            var value = raw[((negate ? notEquals + 2 : equals + 1))..].TrimStart('=').Trim();
            tests.Add(obj =>
            {
                var actual = JsonTree.Walk(obj, path) switch
                {
                    JsonValue v when v.TryGetValue<string>(out var s) => s,
                    JsonNode n => n.ToJsonString(),
                    null => string.Empty,
                };
                return negate ? actual != value : actual == value;
            });
        }

        return obj => tests.TrueForAll(t => t(obj));
    }
}
