using System.Collections.Immutable;
using Connectors.Kubernetes.Generators.Tests.Infrastructure;

namespace Connectors.Kubernetes.Generators.Tests;

/// <summary>The projects most tests start from.</summary>
internal static class Samples
{
    /// <summary>Declares <c>Connectors.Kubernetes.IKubernetesConnector</c> only while the runtime does not, so outputs stay the same before and after it lands.</summary>
    public static ImmutableArray<string> ConnectorInterfaceIfMissing =>
        Type.GetType("Connectors.Kubernetes.IKubernetesConnector, Connectors.Kubernetes") is null
            ? ImmutableArray.Create("namespace Connectors.Kubernetes { public interface IKubernetesConnector { } }")
            : ImmutableArray<string>.Empty;

    /// <summary>The API-only Aspire type whose presence switches the Aspire layer on.</summary>
    public const string AspireBuilder = "namespace Aspire.Hosting { public interface IDistributedApplicationBuilder { } }";

    public static Manifest.Item KubeProd => Manifest.Token(
        "kube-prod",
        "https://kube-prod.example.test",
        ("ClusterName", "kube-prod"),
        ("Namespace", "ml"),
        ("CertificateAuthority", "certs/ca.crt"),
        ("ClientCertificate", "certs/client.crt"),
        ("ClientKey", "certs/client.key"),
        ("Labels", "team=ml;env=prod"),
        ("Default", "true"),
        ("ExpiresAt", "2027-01-31T00:00:00Z"));

    public static Manifest.Item KubeDev => Manifest.Of("kube-dev", ("AutoConfigure", "true"), ("Context", "kind-dev"));

    public static Manifest.Item KubeBasic => Manifest.Of(
        "kube-basic",
        ("Server", "https://10.0.0.1:6443"),
        ("AuthMethod", "password"),
        ("InsecureSkipTlsVerify", "true"));

    public static TestProject Component(params string[] names) => new()
    {
        RequiredManifest = Manifest.Required(names),
        Sources = ConnectorInterfaceIfMissing,
    };

    public static TestProject AppHost(params Manifest.Item[] items) => new()
    {
        DeclaredManifest = Manifest.Declared(items),
        References = TestReferences.Framework,
    };
}
