using System.Text;
using System.Text.Json;
using YamlDotNet.Core;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// Parses one kubeconfig file with kubectl's rules: unknown fields are ignored, <c>null</c> or empty
/// lists are empty, names are case-sensitive and unique per file, <c>*-data</c> is standard base64, a
/// value of the wrong JSON kind is an error, and relative paths are resolved against the file.
/// </summary>
internal sealed class KubeconfigParser
{
    private readonly string path;
    private readonly string directory;

    private KubeconfigParser(string path)
    {
        this.path = path;
        directory = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
    }

    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/> (an absolute path).</summary>
    public static KubeconfigFile Parse(string text, string path)
    {
        var parser = new KubeconfigParser(path);
        return parser.ParseRoot(text);
    }

    private KubeconfigFile ParseRoot(string text)
    {
        YamlTreeNode? document;
        try
        {
            document = FastBlockYaml.TryParse(text, out var fast) ? fast : YamlTreeBuilder.Parse(text);
        }
        catch (YamlException e)
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.KubeconfigYamlSyntax,
                "The kubeconfig is not valid YAML: " + Clean(e) + " at line " + e.Start.Line + ", column " + e.Start.Column + ". Fix the YAML there.",
                path,
                line: (int)e.Start.Line,
                innerException: e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            // YamlDotNet reports some malformed input with general exceptions instead of YamlException.
            throw new KubeconfigException(
                KubernetesErrorCodes.KubeconfigYamlSyntax,
                "The kubeconfig is not valid YAML (" + e.Message.TrimEnd('.') + "). Check it with 'kubectl config view'.",
                path,
                innerException: e);
        }

        if (document is null || YamlScalars.KindOf(document) == YamlScalars.Kind.Null)
        {
            return new KubeconfigFile(path, null, [], [], [], text);
        }

        if (document is not YamlTreeMapping root)
        {
            throw Structure("The kubeconfig must be a YAML mapping (apiVersion, kind, clusters, users, contexts, current-context)", null, document);
        }

        string? currentContext = null;
        IReadOnlyList<KubeconfigCluster> clusters = [];
        IReadOnlyList<KubeconfigUser> users = [];
        IReadOnlyList<KubeconfigContext> contexts = [];
        foreach (var (keyNode, value) in root.Children)
        {
            switch (Key(keyNode))
            {
                case "current-context":
                    currentContext = String(value, "current-context", null);
                    break;
                case "apiVersion":
                case "kind":
                    String(value, Key(keyNode), null);
                    break;
                case "preferences":
                case "extensions":
                    Expect(value, Key(keyNode) == "preferences" ? YamlScalars.Kind.Map : YamlScalars.Kind.List, Key(keyNode), null);
                    break;
                case "clusters":
                    clusters = Entries(value, "clusters", "cluster", ParseCluster);
                    break;
                case "users":
                    users = Entries(value, "users", "user", ParseUser);
                    break;
                case "contexts":
                    contexts = Entries(value, "contexts", "context", ParseContext);
                    break;
            }
        }

        return new KubeconfigFile(path, currentContext, clusters, users, contexts, text);
    }

    private List<T> Entries<T>(YamlTreeNode node, string list, string kind, Func<string, YamlTreeMapping?, YamlTreeMapping, KubeconfigOrigin, T> parse)
    {
        var result = new List<T>();
        if (!Expect(node, YamlScalars.Kind.List, list, null))
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in ((YamlTreeSequence)node).Children)
        {
            if (!Expect(item, YamlScalars.Kind.Map, list + "[]", null))
            {
                continue; // a null list item decodes to an empty entry in kubectl; it has no name to find it by
            }

            var entry = (YamlTreeMapping)item;
            var name = string.Empty;
            YamlTreeMapping? body = null;
            foreach (var (keyNode, value) in entry.Children)
            {
                var key = Key(keyNode);
                if (key == "name")
                {
                    name = String(value, "name", kind + " entry") ?? string.Empty;
                }
                else if (key == kind && Expect(value, YamlScalars.Kind.Map, kind, kind + " entry"))
                {
                    body = (YamlTreeMapping)value;
                }
                else if (key == "extensions")
                {
                    Expect(value, YamlScalars.Kind.List, "extensions", kind + " entry");
                }
            }

            var line = (int)entry.Start.Line;
            if (!seen.Add(name))
            {
                throw new KubeconfigException(
                    KubernetesErrorCodes.KubeconfigDuplicateName,
                    "The file defines the " + kind + " '" + name + "' more than once; kubectl rejects this. Remove or rename one of them.",
                    path,
                    kind + " '" + name + "'",
                    line);
            }

            result.Add(parse(name, body, entry, new KubeconfigOrigin(path, line)));
        }

        return result;
    }

    private KubeconfigCluster ParseCluster(string name, YamlTreeMapping? body, YamlTreeMapping entry, KubeconfigOrigin origin)
    {
        var where = "cluster '" + name + "'";
        string? server = null, tlsServerName = null, ca = null, caData = null, proxy = null, execExtension = null;
        bool insecure = false, disableCompression = false;
        foreach (var (keyNode, value) in Children(body))
        {
            var key = Key(keyNode);
            switch (key)
            {
                case "server": server = String(value, key, where); break;
                case "tls-server-name": tlsServerName = String(value, key, where); break;
                case "insecure-skip-tls-verify": insecure = Bool(value, key, where); break;
                case "certificate-authority": ca = LocalPath(PathString(value, key, where)); break;
                case "certificate-authority-data": caData = Data(value, key, where); break;
                case "proxy-url": proxy = String(value, key, where); break;
                case "disable-compression": disableCompression = Bool(value, key, where); break;
                case "extensions": execExtension = ExecExtension(value, where); break;
            }
        }

        return new KubeconfigCluster
        {
            Name = name,
            Origin = origin,
            Server = server,
            TlsServerName = tlsServerName,
            InsecureSkipTlsVerify = insecure,
            CertificateAuthority = ca,
            CertificateAuthorityData = caData,
            ProxyUrl = proxy,
            DisableCompression = disableCompression,
            ExecExtensionJson = execExtension,
        };
    }

    private KubeconfigUser ParseUser(string name, YamlTreeMapping? body, YamlTreeMapping entry, KubeconfigOrigin origin)
    {
        var where = "user '" + name + "'";
        var user = new KubeconfigUser { Name = name, Origin = origin };
        foreach (var (keyNode, value) in Children(body))
        {
            var key = Key(keyNode);
            user = key switch
            {
                "token" => user with { Token = Present(value) ? new SecretValue(String(value, key, where) ?? string.Empty) : null },
                "tokenFile" => user with { TokenFile = LocalPath(PathString(value, key, where)) },
                "client-certificate" => user with { ClientCertificate = LocalPath(PathString(value, key, where)) },
                "client-certificate-data" => user with { ClientCertificateData = Data(value, key, where) },
                "client-key" => user with { ClientKey = LocalPath(PathString(value, key, where)) },
                "client-key-data" => user with { ClientKeyData = SecretValue.From(Data(value, key, where)) },
                "username" => user with { Username = SecretValue.From(Empty(String(value, key, where))) },
                "password" => user with { Password = SecretValue.From(Empty(String(value, key, where))) },
                "as" => user with { Impersonate = String(value, key, where) },
                "auth-provider" => user with { AuthProvider = AuthProviderName(value, where) },
                "exec" => user with { Exec = ParseExec(value, where) },
                _ => user,
            };
        }

        return user;
    }

    private KubeconfigContext ParseContext(string name, YamlTreeMapping? body, YamlTreeMapping entry, KubeconfigOrigin origin)
    {
        var where = "context '" + name + "'";
        var context = new KubeconfigContext { Name = name, Origin = origin };
        foreach (var (keyNode, value) in Children(body))
        {
            var key = Key(keyNode);
            context = key switch
            {
                "cluster" => context with { Cluster = String(value, key, where) },
                "user" => context with { User = String(value, key, where) },
                "namespace" => context with { Namespace = String(value, key, where) },
                _ => context,
            };
        }

        return context;
    }

    private KubernetesExecConfig? ParseExec(YamlTreeNode node, string where)
    {
        if (!Expect(node, YamlScalars.Kind.Map, "exec", where))
        {
            return null;
        }

        string? command = null, apiVersion = null, installHint = null, interactiveMode = null;
        var arguments = new List<string>();
        var environment = new List<KeyValuePair<string, string>>();
        var provideClusterInfo = false;
        foreach (var (keyNode, value) in ((YamlTreeMapping)node).Children)
        {
            var key = Key(keyNode);
            switch (key)
            {
                case "command": command = PathString(value, "exec.command", where); break;
                case "apiVersion": apiVersion = String(value, "exec.apiVersion", where); break;
                case "installHint": installHint = String(value, "exec.installHint", where); break;
                case "interactiveMode": interactiveMode = String(value, "exec.interactiveMode", where); break;
                case "provideClusterInfo": provideClusterInfo = Bool(value, "exec.provideClusterInfo", where); break;
                case "args":
                    if (Expect(value, YamlScalars.Kind.List, "exec.args", where))
                    {
                        arguments.AddRange(((YamlTreeSequence)value).Children.Select(a => String(a, "exec.args[]", where) ?? string.Empty));
                    }

                    break;
                case "env":
                    if (Expect(value, YamlScalars.Kind.List, "exec.env", where))
                    {
                        foreach (var item in ((YamlTreeSequence)value).Children)
                        {
                            string envName = string.Empty, envValue = string.Empty;
                            if (Expect(item, YamlScalars.Kind.Map, "exec.env[]", where))
                            {
                                foreach (var (envKey, envNode) in ((YamlTreeMapping)item).Children)
                                {
                                    switch (Key(envKey))
                                    {
                                        case "name": envName = String(envNode, "exec.env[].name", where) ?? string.Empty; break;
                                        case "value": envValue = String(envNode, "exec.env[].value", where) ?? string.Empty; break;
                                    }
                                }
                            }

                            environment.Add(new KeyValuePair<string, string>(envName, envValue));
                        }
                    }

                    break;
            }
        }

        command ??= string.Empty;

        // kubectl resolves the command against the file only when it names a path, not a PATH lookup.
        if (command.Contains(System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            command = LocalPath(command)!;
        }

        if (string.IsNullOrEmpty(interactiveMode) && apiVersion is "client.authentication.k8s.io/v1beta1" or "client.authentication.k8s.io/v1alpha1")
        {
            interactiveMode = "IfAvailable";
        }

        return new KubernetesExecConfig
        {
            Command = command,
            Arguments = arguments,
            Environment = environment,
            ApiVersion = apiVersion ?? string.Empty,
            InteractiveMode = interactiveMode ?? string.Empty,
            ProvideClusterInfo = provideClusterInfo,
            InstallHint = installHint,
        };
    }

    private string? AuthProviderName(YamlTreeNode node, string where)
    {
        if (!Expect(node, YamlScalars.Kind.Map, "auth-provider", where))
        {
            return null;
        }

        var name = ((YamlTreeMapping)node).Children.FirstOrDefault(c => Key(c.Key) == "name").Value;
        return name is null ? string.Empty : String(name, "auth-provider.name", where) ?? string.Empty;
    }

    private string? ExecExtension(YamlTreeNode node, string where)
    {
        if (!Expect(node, YamlScalars.Kind.List, "extensions", where))
        {
            return null;
        }

        foreach (var item in ((YamlTreeSequence)node).Children.OfType<YamlTreeMapping>())
        {
            var name = item.Children.FirstOrDefault(c => Key(c.Key) == "name").Value;
            var extension = item.Children.FirstOrDefault(c => Key(c.Key) == "extension").Value;
            if (name is YamlTreeScalar { Value: "client.authentication.k8s.io/exec" } && extension is not null)
            {
                return ToJson(extension);
            }
        }

        return null;
    }

    private string? Data(YamlTreeNode node, string field, string where)
    {
        var text = String(node, field, where);
        if (text is null)
        {
            return null;
        }

        var compact = text.AsSpan().IndexOfAny('\n', '\r') < 0 ? text : text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
        var buffer = new byte[(compact.Length / 4 * 3) + 3];
        if (compact.Contains(' ', StringComparison.Ordinal) || !Convert.TryFromBase64String(compact, buffer, out var written))
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.KubeconfigInvalidBase64,
                "The field '" + field + "' is not valid base64. Encode the PEM file with 'base64 -w0', or use the '" + field.Replace("-data", string.Empty, StringComparison.Ordinal) + "' field with a path instead.",
                path,
                where,
                (int)node.Start.Line);
        }

        return Encoding.UTF8.GetString(buffer, 0, written);
    }

    private string? LocalPath(string? value) =>
        string.IsNullOrEmpty(value) ? null : System.IO.Path.IsPathRooted(value) ? value : System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, value));

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool Present(YamlTreeNode node) => YamlScalars.KindOf(node) != YamlScalars.Kind.Null;

    private static List<KeyValuePair<YamlTreeNode, YamlTreeNode>> Children(YamlTreeMapping? node) => node?.Children ?? NoChildren;

    private static readonly List<KeyValuePair<YamlTreeNode, YamlTreeNode>> NoChildren = [];

    private static string Key(YamlTreeNode node) => node is YamlTreeScalar scalar ? scalar.Value ?? string.Empty : string.Empty;

    private string? String(YamlTreeNode node, string field, string? where)
    {
        var kind = YamlScalars.KindOf(node);
        if (kind == YamlScalars.Kind.Null)
        {
            return null;
        }

        if (kind != YamlScalars.Kind.String)
        {
            throw Structure("The field '" + field + "' must be a string but is a " + Describe(kind) + "; quote the value", where, node);
        }

        return ((YamlTreeScalar)node).Value;
    }

    /// <summary>A string field that names a file: a NUL character can be in YAML but never in a path.</summary>
    private string? PathString(YamlTreeNode node, string field, string? where)
    {
        var value = String(node, field, where);
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            throw Structure("The field '" + field + "' names a file but holds a NUL character, which no path can contain; remove it", where, node);
        }

        return value;
    }

    private bool Bool(YamlTreeNode node, string field, string? where)
    {
        var kind = YamlScalars.KindOf(node);
        if (kind == YamlScalars.Kind.Null)
        {
            return false;
        }

        if (kind != YamlScalars.Kind.Bool)
        {
            throw Structure("The field '" + field + "' must be true or false (unquoted) but is a " + Describe(kind), where, node);
        }

        return YamlScalars.IsTrue((YamlTreeScalar)node);
    }

    /// <summary>Checks the JSON kind of a node; null is accepted (and reported as absent).</summary>
    private bool Expect(YamlTreeNode node, YamlScalars.Kind expected, string field, string? where)
    {
        var kind = YamlScalars.KindOf(node);
        if (kind == YamlScalars.Kind.Null)
        {
            return false;
        }

        if (kind != expected)
        {
            throw Structure("The field '" + field + "' must be a " + Describe(expected) + " but is a " + Describe(kind), where, node);
        }

        return true;
    }

    private KubeconfigException Structure(string message, string? where, YamlTreeNode node) =>
        new(KubernetesErrorCodes.KubeconfigInvalidStructure, message + ".", path, where, (int)node.Start.Line);

    private static string Describe(YamlScalars.Kind kind) => kind switch
    {
        YamlScalars.Kind.Map => "mapping",
        YamlScalars.Kind.List => "list",
        YamlScalars.Kind.Bool => "boolean",
        YamlScalars.Kind.Number => "number",
        YamlScalars.Kind.String => "string",
        _ => "null",
    };

    private static string Clean(YamlException e)
    {
        // YamlDotNet prefixes messages with the location; keep only the reason.
        var message = e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith('(') ? message[(close + 3)..] : message;
    }

    private string ToJson(YamlTreeNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var budget = MaxExtensionNodes;
            WriteJson(writer, node, 0, ref budget);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // YAML aliases can make a node tree cyclic or exponentially large; an extension never needs more.
    private const int MaxExtensionDepth = 32;
    private const int MaxExtensionNodes = 10_000;

    private void WriteJson(Utf8JsonWriter writer, YamlTreeNode node, int depth, ref int budget)
    {
        if (depth > MaxExtensionDepth || --budget < 0)
        {
            throw Structure("The exec extension is nested too deeply or is too large (YAML aliases?)", null, node);
        }

        switch (node)
        {
            case YamlTreeMapping map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName(Key(key));
                    WriteJson(writer, value, depth + 1, ref budget);
                }

                writer.WriteEndObject();
                break;
            case YamlTreeSequence list:
                writer.WriteStartArray();
                foreach (var item in list.Children)
                {
                    WriteJson(writer, item, depth + 1, ref budget);
                }

                writer.WriteEndArray();
                break;
            case YamlTreeScalar scalar:
                switch (YamlScalars.KindOf(scalar))
                {
                    case YamlScalars.Kind.Null: writer.WriteNullValue(); break;
                    case YamlScalars.Kind.Bool: writer.WriteBooleanValue(YamlScalars.IsTrue(scalar)); break;
                    case YamlScalars.Kind.Number when double.TryParse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out var number): writer.WriteNumberValue(number); break;
                    default: writer.WriteStringValue(scalar.Value); break;
                }

                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
