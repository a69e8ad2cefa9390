using Microsoft.Extensions.Logging;

namespace Connectors.Kubernetes.Credentials;

/// <summary>Chooses the credential source a connector's settings call for.</summary>
internal static class CredentialSourceFactory
{
    /// <remarks>
    /// Password auth sends basic credentials. Token auth takes, in order: an exec plugin (from an
    /// auto-configured kubeconfig user), an inline token, a token file; with none of them (a
    /// client-certificate-only or k3d-style connector) nothing is sent.
    /// </remarks>
    public static ICredentialSource Create(KubernetesConnectorSpec spec, Clients.KubernetesConnectorClientOptions options, ILogger logger)
    {
        if (spec.AuthMethod == KubernetesAuthMethod.Password)
        {
            return new StaticCredentialSource(KubernetesCredential.Basic(
                spec.Username?.Reveal() ?? string.Empty,
                spec.Password?.Reveal() ?? string.Empty));
        }

        if (spec.Exec is { } exec && (spec.Token is null || spec.Token.IsEmpty))
        {
            return new ExecCredentialSource(exec, ExecCredentialSource.ClusterOf(spec), options.ExecTimeout, options.TimeProvider, logger);
        }

        if (spec.Token is { IsEmpty: false } token)
        {
            return new StaticCredentialSource(KubernetesCredential.Bearer(token.Reveal(), spec.ExpiresAt));
        }

        if (!string.IsNullOrEmpty(spec.TokenFile))
        {
            return new TokenFileCredentialSource(spec.TokenFile, options.TokenFileMinimumInterval, options.TimeProvider, logger);
        }

        return new StaticCredentialSource(KubernetesCredential.None);
    }
}
