using k8s;
using Connectors.Kubernetes.Testing;

namespace Connectors.Kubernetes.Tests.Clients;

/// <summary>Connector specs for identities of a loopback API server.</summary>
internal static class LoopbackSpecs
{
    public static KubernetesConnectorSpec For(LoopbackKubernetesServer server, LoopbackIdentity? identity = null, string name = "loopback")
    {
        identity ??= server.Identities.Admin;
        var spec = new KubernetesConnectorSpec
        {
            Name = name,
            Server = server.Url.GetLeftPart(UriPartial.Authority),
            ClusterName = server.Options.ClusterName,
            CertificateAuthorityData = server.CertificateAuthorityPem,
            Namespace = "default",
        };
        return identity.Kind switch
        {
            LoopbackIdentityKind.Token => spec with { Token = new SecretValue(identity.Token!) },
            LoopbackIdentityKind.Basic => spec with
            {
                AuthMethod = KubernetesAuthMethod.Password,
                Username = new SecretValue(identity.UserName),
                Password = new SecretValue(identity.Password!),
            },
            _ => spec with
            {
                ClientCertificateData = identity.ClientCertificatePem,
                ClientKeyData = new SecretValue(identity.ClientKeyPem!),
            },
        };
    }
}
