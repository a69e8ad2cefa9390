using System.Text;
using Connectors.Kubernetes;
using Connectors.Kubernetes.Testing;

namespace Connectors.Reliability.Tests.Support;

/// <summary>Connector specs for a loopback server, canary credentials and time bounds for the fault and load tests.</summary>
internal static class Loopback
{
    /// <summary>A unique token the server accepts and no message may ever contain.</summary>
    public static string CanaryToken(string purpose) => "canary-" + purpose + "-" + Guid.NewGuid().ToString("N");

    /// <summary>A token connector to <paramref name="server"/> that trusts its CA and checks its host name.</summary>
    public static KubernetesConnectorSpec TokenSpec(LoopbackKubernetesServer server, string token, string name = "kube-faults", DateTimeOffset? expiresAt = null) =>
        Connector(server, name) with { Token = new SecretValue(token), ExpiresAt = expiresAt };

    /// <summary>A connector that reads its bearer token from <paramref name="tokenFile"/> (a projected service-account token, say).</summary>
    public static KubernetesConnectorSpec TokenFileSpec(LoopbackKubernetesServer server, string tokenFile, string name = "kube-faults") =>
        Connector(server, name) with { TokenFile = tokenFile };

    private static KubernetesConnectorSpec Connector(LoopbackKubernetesServer server, string name) => new()
    {
        Name = name,
        Server = server.Url.GetLeftPart(UriPartial.Authority),
        AuthMethod = KubernetesAuthMethod.Token,
        CertificateAuthorityData = server.CertificateAuthorityPem,
        Namespace = "default",
    };

    /// <summary>The section keys of a token-file connector, for DI through configuration.</summary>
    public static Dictionary<string, string?> TokenFileSection(LoopbackKubernetesServer server, string name, string tokenFile)
    {
        var prefix = "Connectors:Kubernetes:" + name + ":";
        return new Dictionary<string, string?>
        {
            [prefix + "Server"] = server.Url.GetLeftPart(UriPartial.Authority),
            [prefix + "CertificateAuthorityData"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(server.CertificateAuthorityPem)),
            [prefix + "TokenFile"] = tokenFile,
            [prefix + "Namespace"] = "default",
        };
    }

    /// <summary>
    /// Replaces the token file's content atomically (write aside, rename over), as the kubelet swaps a
    /// projected token: a reader sees the old token or the new one, never half of one.
    /// </summary>
    public static void WriteTokenFile(string path, string token)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, token + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Asserts that <paramref name="text"/> holds none of <paramref name="secrets"/>.</summary>
    public static void AssertNoSecret(string? text, params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret) && text is not null)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), "a credential appeared in: " + text.Replace(secret, "[CANARY]", StringComparison.Ordinal));
            }
        }
    }

    /// <summary>A bound for one faulty operation: a hang fails the test (TimeoutException) instead of stalling the suite.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
}
