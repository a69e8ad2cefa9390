using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Connectors.Kubernetes.Describe;

/// <summary>Builds the <see cref="KubernetesConnectorDescription"/> of a connector.</summary>
public static class KubernetesConnectorDescriber
{
    /// <summary>Describes <paramref name="spec"/>.</summary>
    /// <param name="spec">The connector.</param>
    /// <param name="showSecrets">Show secret values instead of <c>[HIDDEN]</c> (the CLI's <c>--show-secrets</c>).</param>
    /// <param name="timeProvider">The clock for EXPIRES IN; the system clock when null.</param>
    public static KubernetesConnectorDescription Describe(KubernetesConnectorSpec spec, bool showSecrets = false, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var properties = new List<DescribeRow>
        {
            new("NAME", spec.Name),
            new("TYPE", KubernetesConnectorType.Type),
            new("AUTH METHOD", spec.AuthMethod.ToWireName()),
            new("RESOURCE TYPES", KubernetesConnectorType.ResourceType),
            new("RESOURCE NAME", spec.EffectiveClusterName),
            new("SESSION DURATION", "N/A"),
            new("EXPIRES IN", ExpiresIn(spec.ExpiresAt, now)),
        };
        if (spec.Labels.Count > 0)
        {
            properties.Add(new("LABELS", string.Join(Environment.NewLine, spec.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value))));
        }

        var configuration = new List<DescribeRow>();
        KubernetesValueSource? Source(string key) => spec.Sources.TryGetValue(key, out var source) ? source : null;
        void Add(string name, string key, string? value)
        {
            if (value is not null)
            {
                configuration.Add(new DescribeRow(name, value, false, Source(key)));
            }
        }

        void AddSecret(string name, string key, SecretValue? value)
        {
            if (value is not null)
            {
                configuration.Add(new DescribeRow(name, showSecrets ? value.Reveal() : SecretValue.Mask, true, Source(key)));
            }
        }

        Add("server", KubernetesConnectorKeys.Server, spec.Server);
        Add("insecure", KubernetesConnectorKeys.InsecureSkipTlsVerify, spec.InsecureSkipTlsVerify ? "true" : "false");
        Add("cluster_name", KubernetesConnectorKeys.ClusterName, spec.EffectiveClusterName);
        AddSecret("token", KubernetesConnectorKeys.Token, spec.Token);
        Add("token_file", KubernetesConnectorKeys.TokenFile, spec.TokenFile);
        AddSecret("username", KubernetesConnectorKeys.Username, spec.Username);
        AddSecret("password", KubernetesConnectorKeys.Password, spec.Password);
        Add("certificate_authority", KubernetesConnectorKeys.CertificateAuthorityData, Summarize(spec.CertificateAuthorityData));
        Add("client_certificate", KubernetesConnectorKeys.ClientCertificateData, Summarize(spec.ClientCertificateData));
        AddSecret("client_key", KubernetesConnectorKeys.ClientKeyData, spec.ClientKeyData);
        Add("tls_server_name", KubernetesConnectorKeys.TlsServerName, spec.TlsServerName);
        Add("namespace", KubernetesConnectorKeys.Namespace, spec.Namespace);
        Add("expires_at", KubernetesConnectorKeys.ExpiresAt, spec.ExpiresAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Add("exec", KubernetesConnectorKeys.Exec, spec.Exec?.ToString());

        return new KubernetesConnectorDescription("'" + spec.Name + "' " + KubernetesConnectorType.Type + " connector details", properties, configuration);
    }

    /// <summary>Formats the time left, e.g. <c>1d2h</c>, <c>2h13m</c>, <c>45m12s</c>; <c>expired</c> or <c>N/A</c>.</summary>
    public static string ExpiresIn(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is null)
        {
            return "N/A";
        }

        var left = expiresAt.Value - now;
        if (left <= TimeSpan.Zero)
        {
            return "expired";
        }

        return left.TotalDays >= 1 ? $"{(int)left.TotalDays}d{left.Hours}h"
            : left.TotalHours >= 1 ? $"{left.Hours}h{left.Minutes}m"
            : left.TotalMinutes >= 1 ? $"{left.Minutes}m{left.Seconds}s"
            : $"{left.Seconds}s";
    }

    /// <summary>Summarizes PEM certificates as subjects and expiry instead of printing the PEM.</summary>
    private static string? Summarize(string? pem) => pem is null ? null : CertificateSummary.Summarize(pem);
}
