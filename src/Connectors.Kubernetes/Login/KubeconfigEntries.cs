using System.Text;
using YamlDotNet.RepresentationModel;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Login;

/// <summary>
/// The cluster, user and context bodies a login writes for a connector. Certificates are embedded
/// (<c>*-data</c>, base64 as kubectl expects); an exec user stays an exec user and a token file
/// stays a path, so nothing is copied that the source would rotate.
/// </summary>
internal static class KubeconfigEntries
{
    public static YamlMappingNode Cluster(KubernetesConnectorSpec spec)
    {
        var cluster = new YamlMappingNode { { "server", KubeconfigYamlDocument.Scalar(spec.Server) } };
        if (!string.IsNullOrWhiteSpace(spec.CertificateAuthorityData) && !spec.InsecureSkipTlsVerify)
        {
            cluster.Add("certificate-authority-data", KubeconfigYamlDocument.Scalar(Base64(spec.CertificateAuthorityData, "CERTIFICATE")));
        }

        if (spec.InsecureSkipTlsVerify)
        {
            cluster.Add("insecure-skip-tls-verify", KubeconfigYamlDocument.Boolean(true));
        }

        if (!string.IsNullOrWhiteSpace(spec.TlsServerName))
        {
            cluster.Add("tls-server-name", KubeconfigYamlDocument.Scalar(spec.TlsServerName));
        }

        return cluster;
    }

    public static YamlMappingNode User(KubernetesConnectorSpec spec)
    {
        var user = new YamlMappingNode();
        if (!string.IsNullOrWhiteSpace(spec.ClientCertificateData) && spec.ClientKeyData is { IsEmpty: false } key)
        {
            user.Add("client-certificate-data", KubeconfigYamlDocument.Scalar(Base64(spec.ClientCertificateData, "CERTIFICATE")));
            user.Add("client-key-data", KubeconfigYamlDocument.Scalar(Base64(key.Reveal(), "PRIVATE KEY", secret: true)));
        }

        if (spec.AuthMethod == KubernetesAuthMethod.Password)
        {
            user.Add("username", KubeconfigYamlDocument.Scalar(spec.Username?.Reveal() ?? string.Empty));
            user.Add("password", KubeconfigYamlDocument.Scalar(spec.Password?.Reveal() ?? string.Empty));
        }
        else if (spec.Token is { IsEmpty: false } token)
        {
            user.Add("token", KubeconfigYamlDocument.Scalar(token.Reveal()));
        }
        else if (spec.Exec is { } exec)
        {
            user.Add("exec", Exec(exec));
        }
        else if (!string.IsNullOrWhiteSpace(spec.TokenFile))
        {
            user.Add("tokenFile", KubeconfigYamlDocument.Scalar(Path.GetFullPath(spec.TokenFile)));
        }

        return user;
    }

    public static YamlMappingNode Context(string name, string? @namespace)
    {
        var context = new YamlMappingNode
        {
            { "cluster", KubeconfigYamlDocument.Scalar(name) },
            { "user", KubeconfigYamlDocument.Scalar(name) },
        };
        if (!string.IsNullOrWhiteSpace(@namespace))
        {
            context.Add("namespace", KubeconfigYamlDocument.Scalar(@namespace));
        }

        return context;
    }

    private static YamlMappingNode Exec(KubernetesExecConfig exec)
    {
        var node = new YamlMappingNode
        {
            { "apiVersion", KubeconfigYamlDocument.Scalar(exec.ApiVersion) },
            { "command", KubeconfigYamlDocument.Scalar(exec.Command) },
        };
        if (exec.Arguments.Count > 0)
        {
            node.Add("args", new YamlSequenceNode(exec.Arguments.Select(a => (YamlNode)KubeconfigYamlDocument.Scalar(a))));
        }

        if (exec.Environment.Count > 0)
        {
            node.Add("env", new YamlSequenceNode(exec.Environment.Select(e => (YamlNode)new YamlMappingNode
            {
                { "name", KubeconfigYamlDocument.Scalar(e.Key) },
                { "value", KubeconfigYamlDocument.Scalar(e.Value) },
            })));
        }

        node.Add("interactiveMode", KubeconfigYamlDocument.Scalar(exec.InteractiveMode));
        if (exec.ProvideClusterInfo)
        {
            node.Add("provideClusterInfo", KubeconfigYamlDocument.Boolean(true));
        }

        if (!string.IsNullOrWhiteSpace(exec.InstallHint))
        {
            node.Add("installHint", KubeconfigYamlDocument.Scalar(exec.InstallHint));
        }

        return node;
    }

    // kubeconfig '*-data' fields hold base64 of the PEM, whatever form the connector was given in.
    private static string Base64(string material, string pemLabel, bool secret = false) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(
            CertificateMaterial.TryLoad(material, baseDirectory: null, pemLabel, secret, out _, out _) ?? material));
}
