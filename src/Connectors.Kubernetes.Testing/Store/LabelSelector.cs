using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Api;

namespace Connectors.Kubernetes.Testing.Store;

/// <summary>
/// A label selector, from the query-string form (<c>app=web,tier!=db,env in (a,b),!legacy</c>) or
/// from a <c>matchLabels</c>/<c>matchExpressions</c> object.
/// </summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    public bool IsEmpty => _requirements.Count == 0;

    public static LabelSelector Everything { get; } = new();

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.TrueForAll(r => r(labels));

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var term in SplitTerms(text))
        {
            selector._requirements.Add(ParseTerm(term.Trim(), text));
        }

        return selector;
    }

    public static LabelSelector FromObject(JsonObject selector)
    {
        var result = new LabelSelector();
        if (selector["matchLabels"] is JsonObject matchLabels)
        {
            foreach (var (key, value) in matchLabels)
            {
                var expected = value?.GetValue<string>() ?? string.Empty;
                result._requirements.Add(l => l.TryGetValue(key, out var actual) && actual == expected);
            }
        }

        if (selector["matchExpressions"] is JsonArray expressions)
        {
            foreach (var expression in expressions)
            {
                var key = JsonTree.String(expression, "key") ?? string.Empty;
                var values = (JsonTree.Walk(expression, "values") as JsonArray)?.Select(v => v?.GetValue<string>() ?? string.Empty).ToHashSet(StringComparer.Ordinal) ?? [];
                result._requirements.Add(JsonTree.String(expression, "operator") switch
                {
                    "In" => l => l.TryGetValue(key, out var v) && values.Contains(v),
                    "NotIn" => l => !l.TryGetValue(key, out var v) || !values.Contains(v),
                    "Exists" => l => l.ContainsKey(key),
                    "DoesNotExist" => l => !l.ContainsKey(key),
                    var other => throw ApiException.BadRequest($"unknown label selector operator \"{other}\""),
                });
            }
        }

        return result;
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        // Commas separate terms except inside the parentheses of an in/notin set.
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseTerm(string term, string whole)
    {
        if (term.Length == 0)
        {
            throw Invalid(whole);
        }

        var inIndex = term.IndexOf(" in ", StringComparison.Ordinal);
        var notInIndex = term.IndexOf(" notin ", StringComparison.Ordinal);
        if (notInIndex > 0 || inIndex > 0)
        {
            var negate = notInIndex > 0;
            var key = term[..(negate ? notInIndex : inIndex)].Trim();
            var set = term[((negate ? notInIndex + 7 : inIndex + 4))..].Trim();
            if (!set.StartsWith('(') || !set.EndsWith(')'))
            {
                throw Invalid(whole);
            }

            var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            return negate
                ? l => !l.TryGetValue(key, out var v) || !values.Contains(v)
                : l => l.TryGetValue(key, out var v) && values.Contains(v);
        }

        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return l => !l.ContainsKey(key);
        }

        var notEquals = term.IndexOf("!=", StringComparison.Ordinal);
        if (notEquals > 0)
        {
            var key = term[..notEquals].Trim();
            var value = term[(notEquals + 2)..].Trim();
            return l => !l.TryGetValue(key, out var v) || v != value;
        }

        var equals = term.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            var key = term[..equals].Trim();
            var value = term[(equals + 1)..].TrimStart('=').Trim();
            return l => l.TryGetValue(key, out var v) && v == value;
        }

        if (term.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>'))
        {
            throw Invalid(whole);
        }

        return l => l.ContainsKey(term);
    }

    private static ApiException Invalid(string whole) => ApiException.BadRequest($"unable to parse requirement: invalid label selector \"{whole}\"");
}
