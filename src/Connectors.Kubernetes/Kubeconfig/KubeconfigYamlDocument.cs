using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// A kubeconfig edited as a YAML node tree, so a change touches only the entries it names: every
/// other cluster, user, context, preference, extension and unknown field stays as it was.
/// </summary>
internal sealed partial class KubeconfigYamlDocument
{
    private static readonly HashSet<string> s_ambiguousWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    private readonly YamlMappingNode _root;

    private KubeconfigYamlDocument(YamlMappingNode root)
    {
        _root = root;
        EnsureScalar("apiVersion", "v1");
        EnsureScalar("kind", "Config");
    }

    /// <summary>Reads <paramref name="text"/> (null or blank for a new file); refuses anything that is not a kubeconfig mapping.</summary>
    public static KubeconfigYamlDocument Parse(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new KubeconfigYamlDocument(new YamlMappingNode());
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw CannotMerge(path, $"it is not valid YAML (line {e.Start.Line})", e);
        }

        if (stream.Documents.Count == 0)
        {
            return new KubeconfigYamlDocument(new YamlMappingNode());
        }

        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw CannotMerge(path, "it is not a single YAML mapping", null);
        }

        foreach (var section in new[] { "clusters", "users", "contexts" })
        {
            if (root.Children.TryGetValue(section, out var node) && node is not YamlSequenceNode && !IsNull(node))
            {
                throw CannotMerge(path, $"its '{section}' is not a list", null);
            }
        }

        return new KubeconfigYamlDocument(root);
    }

    /// <summary>The <c>current-context</c>, or null when unset.</summary>
    public string? CurrentContext
    {
        get => _root.Children.TryGetValue("current-context", out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
        set => _root.Children[new YamlScalarNode("current-context")] = Scalar(value ?? string.Empty);
    }

    /// <summary>Adds or replaces the entry <paramref name="name"/> of a section (<c>clusters</c>/<c>users</c>/<c>contexts</c>).</summary>
    /// <param name="section">The list: <c>clusters</c>, <c>users</c> or <c>contexts</c>.</param>
    /// <param name="itemKey">The body key inside an entry: <c>cluster</c>, <c>user</c> or <c>context</c>.</param>
    /// <param name="name">The entry's name.</param>
    /// <param name="body">The body; it replaces the old body whole (a login describes the entire entry).</param>
    public void SetEntry(string section, string itemKey, string name, YamlMappingNode body)
    {
        var list = Section(section);
        var entry = Find(list, name);
        if (entry is null)
        {
            entry = new YamlMappingNode { { new YamlScalarNode("name"), Scalar(name) } };
            list.Add(entry);
        }

        // Other keys of the entry (extensions, fields newer than us) are left alone.
        entry.Children[new YamlScalarNode(itemKey)] = body;
    }

    /// <summary>Removes the entry <paramref name="name"/> of a section; true when it was there.</summary>
    public bool RemoveEntry(string section, string name)
    {
        if (!_root.Children.TryGetValue(section, out var node) || node is not YamlSequenceNode list)
        {
            return false;
        }

        var entry = Find(list, name);
        return entry is not null && list.Children.Remove(entry);
    }

    /// <summary>True when the section has an entry called <paramref name="name"/>.</summary>
    public bool HasEntry(string section, string name) =>
        _root.Children.TryGetValue(section, out var node) && node is YamlSequenceNode list && Find(list, name) is not null;

    /// <summary>The document as YAML text.</summary>
    public string Serialize()
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(_root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlDotNet ends the document with an explicit '...' marker; kubectl does not write one.
        return DocumentEndMarker().Replace(text, string.Empty);
    }

    /// <summary>A scalar for a free-form string, quoted whenever a YAML reader could take it for something else.</summary>
    public static YamlScalarNode Scalar(string value)
    {
        var plain = value.Length > 0 && SafePlain().IsMatch(value) && !s_ambiguousWords.Contains(value);
        return new YamlScalarNode(value) { Style = plain ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted };
    }

    /// <summary>A boolean scalar.</summary>
    public static YamlScalarNode Boolean(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };

    private YamlSequenceNode Section(string name)
    {
        if (_root.Children.TryGetValue(name, out var node) && node is YamlSequenceNode list)
        {
            // 'users: []' is flow style; entries we add read better (and diff better) in block style.
            list.Style = YamlDotNet.Core.Events.SequenceStyle.Block;
            return list;
        }

        list = new YamlSequenceNode();
        _root.Children[new YamlScalarNode(name)] = list;
        return list;
    }

    private static YamlMappingNode? Find(YamlSequenceNode list, string name) =>
        list.Children.OfType<YamlMappingNode>().FirstOrDefault(entry =>
            entry.Children.TryGetValue("name", out var value) && value is YamlScalarNode { Value: var v } && string.Equals(v, name, StringComparison.Ordinal));

    private void EnsureScalar(string key, string value)
    {
        if (!_root.Children.ContainsKey(key))
        {
            _root.Children[new YamlScalarNode(key)] = new YamlScalarNode(value);
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null" };

    private static KubernetesConnectorException CannotMerge(string path, string why, Exception? inner) => new(
        KubeconfigWriteErrorCodes.CannotMerge,
        $"the kubeconfig '{path}' cannot be merged into: {why}. It was left untouched; fix or move it (kubectl config view --kubeconfig '{path}' shows what kubectl makes of it), or pass another --kubeconfig.",
        inner);

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./:@=+\-]*$")]
    private static partial Regex SafePlain();

    [GeneratedRegex(@"(?m)^\.\.\.\r?\n?\z")]
    private static partial Regex DocumentEndMarker();
}
