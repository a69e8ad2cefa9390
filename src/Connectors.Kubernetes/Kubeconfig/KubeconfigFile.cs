using YamlDotNet.RepresentationModel;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// One kubeconfig file as read: its entries in file order and its <c>current-context</c>. The text is
/// kept, and <see cref="Root"/> gives its full YAML node tree on demand, so that a writer can change
/// entries and keep everything else (unknown fields, extensions, preferences).
/// </summary>
public sealed class KubeconfigFile
{
    internal KubeconfigFile(
        string path,
        string? currentContext,
        IReadOnlyList<KubeconfigCluster> clusters,
        IReadOnlyList<KubeconfigUser> users,
        IReadOnlyList<KubeconfigContext> contexts,
        string text)
    {
        Path = path;
        CurrentContext = currentContext;
        Clusters = clusters;
        Users = users;
        Contexts = contexts;
        Text = text;
        root = new Lazy<YamlMappingNode?>(LoadRoot);
    }

    /// <summary>The absolute path of the file.</summary>
    public string Path { get; }

    /// <summary><c>current-context</c>; null or empty when unset.</summary>
    public string? CurrentContext { get; }

    /// <summary>The clusters, in file order.</summary>
    public IReadOnlyList<KubeconfigCluster> Clusters { get; }

    /// <summary>The users, in file order.</summary>
    public IReadOnlyList<KubeconfigUser> Users { get; }

    /// <summary>The contexts, in file order.</summary>
    public IReadOnlyList<KubeconfigContext> Contexts { get; }

    /// <summary>The text the file was parsed from.</summary>
    internal string Text { get; }

    /// <summary>
    /// The root YAML mapping of <see cref="Text"/>, built on first use (null for an empty file, or when the
    /// representation model rejects the text, e.g. duplicate keys that kubectl tolerates).
    /// </summary>
    internal YamlMappingNode? Root => root.Value;

    private readonly Lazy<YamlMappingNode?> root;

    private YamlMappingNode? LoadRoot()
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(Text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }
}
