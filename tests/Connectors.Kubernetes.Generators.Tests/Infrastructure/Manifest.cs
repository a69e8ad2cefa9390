using System.Text;

namespace Connectors.Kubernetes.Generators.Tests.Infrastructure;

/// <summary>
/// Writes connector manifests exactly as build/Connectors.Kubernetes.targets does (a comment line, then
/// one line per item of space-separated Key=percent-encoded-value fields), so driver tests feed the
/// generator what a real build feeds it. The real-build test proves the targets write this format.
/// </summary>
internal static class Manifest
{
    private static readonly string[] DeclaredFields =
    {
        "Server", "AuthMethod", "ClusterName", "Namespace", "CertificateAuthority", "ClientCertificate", "ClientKey",
        "InsecureSkipTlsVerify", "TlsServerName", "ExpiresAt", "Labels", "Default", "AutoConfigure", "Context", "Kubeconfig",
    };

    /// <summary>A declared-connector manifest; each item is a name and its metadata.</summary>
    public static string Declared(params Item[] items)
    {
        var text = new StringBuilder("# KubernetesConnector items of test - no secrets - written by Connectors.Kubernetes.targets\n");
        foreach (var item in items)
        {
            text.Append("Name=").Append(Uri.EscapeDataString(item.Name)).Append(" Occurrences=").Append(item.Occurrences);
            foreach (var field in DeclaredFields)
            {
                item.Metadata.TryGetValue(field, out var value);
                text.Append(' ').Append(field).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A required-connector manifest.</summary>
    public static string Required(params string[] names)
    {
        var text = new StringBuilder("# KubernetesConnectorReference items of test - written by Connectors.Kubernetes.targets\n");
        foreach (var name in names)
        {
            text.Append("Name=").Append(Uri.EscapeDataString(name)).Append(" Occurrences=1\n");
        }

        return text.ToString();
    }

    /// <summary>A token connector with a server: the common case.</summary>
    public static Item Token(string name, string server, params (string Key, string Value)[] more) =>
        new Item(name, 1, new Dictionary<string, string>(StringComparer.Ordinal) { ["Server"] = server, ["AuthMethod"] = "token" }).With(more);

    /// <summary>An item with exactly the given metadata.</summary>
    public static Item Of(string name, params (string Key, string Value)[] metadata) =>
        new Item(name, 1, new Dictionary<string, string>(StringComparer.Ordinal)).With(metadata);

    /// <summary>One item of a manifest.</summary>
    internal sealed record Item(string Name, int Occurrences, Dictionary<string, string> Metadata)
    {
        public Item With(params (string Key, string Value)[] metadata)
        {
            var copy = new Dictionary<string, string>(Metadata, StringComparer.Ordinal);
            foreach (var (key, value) in metadata)
            {
                copy[key] = value;
            }

            return this with { Metadata = copy };
        }

        public Item Times(int occurrences) => this with { Occurrences = occurrences };
    }
}
