using Connectors.Kubernetes.Items;
using Connectors.Kubernetes.Cli.Secrets;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>
/// One connector as the app host holds it: the project item plus the secret parameters found in the
/// project's user secrets. It turns into the shared <see cref="ConnectorDeclaration"/> (validation)
/// and the core <see cref="KubernetesConnectorSpec"/> (describe, verify, login).
/// </summary>
internal sealed class ConnectorRecord
{
    public ConnectorRecord(ConnectorItem item, IReadOnlyDictionary<string, string> secrets, string baseDirectory)
    {
        Item = item;
        Secrets = secrets;
        BaseDirectory = baseDirectory;
    }

    /// <summary>The declaration item.</summary>
    public ConnectorItem Item { get; }

    /// <summary>Secret parameter values by suffix (<see cref="SecretNames"/>); absent ones are not listed.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; }

    /// <summary>The app host's folder (relative certificate paths).</summary>
    public string BaseDirectory { get; }

    public string Name => Item.Name;

    /// <summary>Reads a connector's secrets from the store (an absent store has none).</summary>
    public static ConnectorRecord Read(ConnectorItem item, UserSecretsStore? store, string baseDirectory)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (store is not null)
        {
            foreach (var suffix in SecretNames.All)
            {
                if (store.Get(SecretNames.ConfigurationKey(item.Name, suffix)) is { } value)
                {
                    secrets[suffix] = value;
                }
            }
        }

        return new ConnectorRecord(item, secrets, baseDirectory);
    }

    /// <summary>The secret with <paramref name="suffix"/>, or null.</summary>
    public string? Secret(string suffix) => Secrets.TryGetValue(suffix, out var value) ? value : null;

    /// <summary>The declaration the shared validator checks: item metadata, with certificate and credential fields from the secrets.</summary>
    public ConnectorDeclaration ToDeclaration() => new()
    {
        Name = Item.Name,
        Server = Item.Get(ConnectorItemContract.Server),
        AuthMethod = Item.Get(ConnectorItemContract.AuthMethod),
        ClusterName = Item.Get(ConnectorItemContract.ClusterName),
        Namespace = Item.Get(ConnectorItemContract.Namespace),
        Token = Secret(SecretNames.Token),
        Username = Secret(SecretNames.Username),
        Password = Secret(SecretNames.Password),
        CertificateAuthority = Secret(SecretNames.CertificateAuthority) ?? Item.Get(ConnectorItemContract.CertificateAuthority),
        ClientCertificate = Secret(SecretNames.ClientCertificate) ?? Item.Get(ConnectorItemContract.ClientCertificate),
        ClientKey = Secret(SecretNames.ClientKey) ?? Item.Get(ConnectorItemContract.ClientKey),
        InsecureSkipTlsVerify = Item.Get(ConnectorItemContract.InsecureSkipTlsVerify),
        TlsServerName = Item.Get(ConnectorItemContract.TlsServerName),
        ExpiresAt = Item.Get(ConnectorItemContract.ExpiresAt),
        BaseDirectory = BaseDirectory,
    };

    /// <summary>
    /// The connector as the core models it. Certificate fields are loaded to PEM here (a file path in
    /// the item is read relative to the app host); call only after the declaration validated.
    /// </summary>
    public KubernetesConnectorSpec ToSpec()
    {
        var declaration = ToDeclaration();
        var method = KubernetesAuthMethodNames.TryParse(declaration.AuthMethod, out var parsed) ? parsed : KubernetesAuthMethod.Token;
        return new KubernetesConnectorSpec
        {
            Name = Item.Name,
            Server = declaration.Server ?? string.Empty,
            ClusterName = declaration.ClusterName,
            AuthMethod = method,
            Token = SecretValue.From(declaration.Token),
            Username = SecretValue.From(declaration.Username),
            Password = SecretValue.From(declaration.Password),
            CertificateAuthorityData = Pem(declaration.CertificateAuthority, "CERTIFICATE", secret: false),
            ClientCertificateData = Pem(declaration.ClientCertificate, "CERTIFICATE", secret: false),
            ClientKeyData = SecretValue.From(Pem(declaration.ClientKey, "PRIVATE KEY", secret: true)),
            InsecureSkipTlsVerify = bool.TryParse(declaration.InsecureSkipTlsVerify, out var insecure) && insecure,
            TlsServerName = declaration.TlsServerName,
            Namespace = declaration.Namespace,
            ExpiresAt = ExpiresAt,
            Labels = Item.Labels,
        };
    }

    /// <summary>When the credentials expire: the item's ExpiresAt, else the token's own exp claim.</summary>
    public DateTimeOffset? ExpiresAt =>
        DateTimeOffset.TryParse(Item.Get(ConnectorItemContract.ExpiresAt), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : JwtExpiry.Read(Secret(SecretNames.Token));

    private string? Pem(string? value, string label, bool secret) =>
        string.IsNullOrWhiteSpace(value) ? null : CertificateMaterial.TryLoad(value, BaseDirectory, label, secret, out _, out _);
}
