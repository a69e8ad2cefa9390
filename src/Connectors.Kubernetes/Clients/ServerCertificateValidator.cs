using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Decides whether a server certificate is acceptable for one connector. Unlike KubernetesClient's
/// own check, it never ignores a host-name mismatch: the chain must end at the connector's CA (only
/// that CA, when one is set; the system roots otherwise) and the certificate must name the expected
/// host (the server's host, or <c>TlsServerName</c>). The last refusal is kept so that verification
/// can say why the handshake failed.
/// </summary>
internal sealed class ServerCertificateValidator
{
    private static readonly Oid s_serverAuthentication = new("1.3.6.1.5.5.7.3.1");
    private readonly X509Certificate2Collection? _authorities;
    private readonly string _expectedHost;
    private TlsFailureReason _lastFailure;

    public ServerCertificateValidator(X509Certificate2Collection? authorities, string expectedHost)
    {
        _authorities = authorities is { Count: > 0 } ? authorities : null;
        _expectedHost = expectedHost;
    }

    /// <summary>The host name the certificate must carry.</summary>
    public string ExpectedHost => _expectedHost;

    /// <summary>Why the most recent certificate was refused; <see cref="TlsFailureReason.None"/> after an accepted one.</summary>
    public TlsFailureReason LastFailure => _lastFailure;

    /// <summary>Checks <paramref name="certificate"/> (with the intermediates the server sent in <paramref name="presented"/>).</summary>
    public bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        var reason = Check(certificate, presented, errors);
        _lastFailure = reason;
        return reason == TlsFailureReason.None;
    }

    private TlsFailureReason Check(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return TlsFailureReason.NoCertificate;
        }

        var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(s_serverAuthentication);
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (_authorities is not null)
        {
            // Only the connector's CA is trusted: a certificate from any other CA, public or not, is refused.
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        }

        if (!chain.Build(leaf))
        {
            var statuses = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
            return (statuses & (X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested)) != 0
                && (statuses & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) == 0
                ? TlsFailureReason.NotTimeValid
                : TlsFailureReason.UntrustedCertificate;
        }

        // MatchesHostname handles DNS names, wildcards and IP addresses in the SAN; like Go's
        // crypto/tls (and so kubectl) it does not fall back to the subject's common name.
        return leaf.MatchesHostname(_expectedHost, allowWildcards: true, allowCommonName: false)
            ? TlsFailureReason.None
            : TlsFailureReason.NameMismatch;
    }
}
