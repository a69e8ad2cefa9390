using System.Globalization;

namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// The property list the dashboard shows for a connector: what it is, where it points, how it
/// authenticates, when its credentials expire and who it is on the cluster — every secret marked sensitive.
/// </summary>
public static class KubernetesConnectorDashboard
{
    /// <summary>Property: the API server URL.</summary>
    public const string Server = "kubernetes.server";

    /// <summary>Property: the effective cluster name.</summary>
    public const string ClusterName = "kubernetes.clusterName";

    /// <summary>Property: the auth method.</summary>
    public const string AuthMethod = "kubernetes.authMethod";

    /// <summary>Property: the default namespace.</summary>
    public const string Namespace = "kubernetes.namespace";

    /// <summary>Property: where the settings come from (declared, or the auto-configured context).</summary>
    public const string Source = "kubernetes.source";

    /// <summary>Property: when the credentials expire.</summary>
    public const string ExpiresAt = "kubernetes.expiresAt";

    /// <summary>Property: the identity the cluster sees (from verify).</summary>
    public const string Identity = "kubernetes.identity";

    /// <summary>Property: the file holding the refreshed token components read.</summary>
    public const string TokenFile = "kubernetes.tokenFile";

    /// <summary>Property: the TLS server name.</summary>
    public const string TlsServerName = "kubernetes.tlsServerName";

    /// <summary>Property: set when TLS verification is skipped.</summary>
    public const string InsecureSkipTlsVerify = "kubernetes.insecureSkipTlsVerify";

    /// <summary>Property: the coded reason of the last failure.</summary>
    public const string Error = "kubernetes.error";

    /// <summary>Property (sensitive): the token.</summary>
    public const string Token = "kubernetes.token";

    /// <summary>Property (sensitive): the username.</summary>
    public const string Username = "kubernetes.username";

    /// <summary>Property (sensitive): the password.</summary>
    public const string Password = "kubernetes.password";

    /// <summary>Property (sensitive): the client key.</summary>
    public const string ClientKey = "kubernetes.clientKey";

    /// <summary>Property (sensitive): the connection string components receive.</summary>
    public const string ConnectionString = "kubernetes.connectionString";

    /// <summary>Builds the property list.</summary>
    /// <param name="connector">The declaration (always known).</param>
    /// <param name="settings">The settings the connector started with; <see langword="null"/> before it started.</param>
    /// <param name="status">The current status.</param>
    /// <param name="identity">The identity verify reported, if it ran.</param>
    /// <param name="expiresAt">The current credential expiry (a refreshed token's), overriding the settings'.</param>
    /// <returns>The properties, sensitive ones flagged.</returns>
    public static IReadOnlyList<KubernetesConnectorProperty> Properties(
        KubernetesAppHostConnector connector,
        KubernetesConnectorSpec? settings,
        KubernetesConnectorStatus status,
        string? identity = null,
        DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(status);
        var properties = new List<KubernetesConnectorProperty>();
        void Plain(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                properties.Add(new KubernetesConnectorProperty(name, value, IsSensitive: false));
            }
        }

        void Sensitive(string name, SecretValue? value)
        {
            if (value is not null)
            {
                properties.Add(new KubernetesConnectorProperty(name, value.Reveal(), IsSensitive: true));
            }
        }

        var source = connector.AutoConfigure is { } auto
            ? "auto-configured from context " + (auto.Context ?? "(current)") + (auto.Kubeconfig is null ? string.Empty : " of " + auto.Kubeconfig)
            : "declared";
        if (settings is null)
        {
            Plain(Server, connector.Server);
            Plain(ClusterName, connector.ClusterName);
            Plain(AuthMethod, connector.AutoConfigure is null ? connector.AuthMethod.ToWireName() : null);
            Plain(Namespace, connector.Namespace);
            Plain(Source, source);
        }
        else
        {
            Plain(Server, settings.Server);
            Plain(ClusterName, settings.EffectiveClusterName);
            Plain(AuthMethod, settings.AuthMethod.ToWireName() + (settings.ClientCertificateData is null ? string.Empty : " + client certificate"));
            Plain(Namespace, settings.Namespace);
            Plain(Source, source);
            var expiry = expiresAt ?? settings.ExpiresAt;
            Plain(ExpiresAt, expiry?.ToString("u", CultureInfo.InvariantCulture));
            Plain(Identity, identity);
            Plain(TokenFile, settings.TokenFile);
            Plain(TlsServerName, settings.TlsServerName);
            Plain(InsecureSkipTlsVerify, settings.InsecureSkipTlsVerify ? "true" : null);
            Sensitive(Token, settings.Token);
            Sensitive(Username, settings.Username);
            Sensitive(Password, settings.Password);
            Sensitive(ClientKey, settings.ClientKeyData);
            Sensitive(ConnectionString, new SecretValue(KubernetesConnectionString.Format(settings)));
        }

        if (status.Code is not null)
        {
            Plain(Error, status.Code + ": " + status.Reason);
        }

        return properties;
    }
}
