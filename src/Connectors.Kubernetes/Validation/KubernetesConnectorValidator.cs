using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes;

/// <summary>
/// Validates a <see cref="KubernetesConnectorSpec"/> with the shared declaration rules (the same rules
/// the MSBuild task and the command line apply), reporting them as <c>KC1xxx</c> diagnostics.
/// </summary>
public static class KubernetesConnectorValidator
{
    /// <summary>Returns every error and warning about <paramref name="spec"/>.</summary>
    /// <param name="spec">The connector.</param>
    /// <param name="timeProvider">The clock expiry is judged by; the system clock when null.</param>
    public static IReadOnlyList<KubernetesConnectorDiagnostic> Validate(KubernetesConnectorSpec spec, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var declaration = new ConnectorDeclaration
        {
            Name = spec.Name,
            Server = spec.Server,
            AuthMethod = spec.AuthMethod.ToWireName(),
            ClusterName = spec.ClusterName,
            Namespace = spec.Namespace,
            Token = spec.Token?.Reveal(),
            TokenFile = spec.TokenFile,
            Username = spec.Username?.Reveal(),
            Password = spec.Password?.Reveal(),
            CertificateAuthority = spec.CertificateAuthorityData,
            ClientCertificate = spec.ClientCertificateData,
            ClientKey = spec.ClientKeyData?.Reveal(),
            InsecureSkipTlsVerify = spec.InsecureSkipTlsVerify ? "true" : "false",
            TlsServerName = spec.TlsServerName,
            ExpiresAt = spec.ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        var options = new DeclarationValidationOptions
        {
            SecretsSupplied = true,
            CredentialsRefreshable = spec.Exec is not null,
            Now = (timeProvider ?? TimeProvider.System).GetUtcNow(),
        };

        return DeclarationValidator.Validate(declaration, options).Select(ToDiagnostic).ToList();
    }

    /// <summary>Throws a <see cref="KubernetesConnectorException"/> listing every error when <paramref name="spec"/> has any.</summary>
    /// <returns>The warnings, for the caller to log.</returns>
    public static IReadOnlyList<KubernetesConnectorDiagnostic> ThrowIfInvalid(KubernetesConnectorSpec spec, TimeProvider? timeProvider = null)
    {
        var diagnostics = Validate(spec, timeProvider);
        if (diagnostics.Any(d => d.Severity == KubernetesDiagnosticSeverity.Error))
        {
            throw new KubernetesConnectorException(spec.Name, diagnostics);
        }

        return diagnostics;
    }

    internal static KubernetesConnectorDiagnostic ToDiagnostic(DeclarationDiagnostic diagnostic) => new(
        diagnostic.Code(ConnectorRules.RuntimeBase),
        diagnostic.Severity == DeclarationSeverity.Error ? KubernetesDiagnosticSeverity.Error : KubernetesDiagnosticSeverity.Warning,
        diagnostic.Message,
        diagnostic.Field switch
        {
            "CertificateAuthority" => KubernetesConnectorKeys.CertificateAuthorityData,
            "ClientCertificate" => KubernetesConnectorKeys.ClientCertificateData,
            "ClientKey" => KubernetesConnectorKeys.ClientKeyData,
            var field => field,
        });
}
