using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Connectors.Kubernetes;

/// <summary>
/// Reads <see cref="KubernetesConnectorSettings"/> with the documented precedence and turns them into a
/// validated spec. Problems are captured as coded exceptions, not thrown, so that start-up can report
/// every broken connector at once.
/// </summary>
internal static class KubernetesConnectorSettingsReader
{
    private const string DefaultKey = "Default";
    private const string DisableHealthChecksKey = "DisableHealthChecks";
    private const string DisableTracingKey = "DisableTracing";
    private const string DisableMetricsKey = "DisableMetrics";
    private const string HealthCheckTimeoutKey = "HealthCheckTimeout";
    private const string HealthCheckCacheDurationKey = "HealthCheckCacheDuration";
    private const string RefreshBeforeExpiryKey = "RefreshBeforeExpiry";

    /// <summary>The client settings a section may carry besides the connector keys.</summary>
    internal static IReadOnlyList<string> SettingKeys { get; } =
        [DefaultKey, DisableHealthChecksKey, DisableTracingKey, DisableMetricsKey, HealthCheckTimeoutKey, HealthCheckCacheDurationKey, RefreshBeforeExpiryKey];

    public static KubernetesConnectorBinding Read(IConfiguration configuration, string name, Action<KubernetesConnectorSettings>? configure, TimeProvider? timeProvider = null)
    {
        var settings = new KubernetesConnectorSettings(name);
        try
        {
            var raw = new Dictionary<string, ConnectorFieldReader.RawValue>(StringComparer.Ordinal);
            ApplySettings(settings, configuration.GetSection(KubernetesConnectorConfiguration.SectionPrefix), shared: true, raw: null);
            var section = configuration.GetSection(KubernetesConnectorConfiguration.SectionPath(name));
            ApplySettings(settings, section, shared: false, raw);

            // The connection string fills the keys the section left out: the section wins key by key.
            var connectionString = configuration.GetConnectionString(name);
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                _ = KubernetesConnectionString.Parse(name, connectionString); // syntax errors name the connection string
                var source = new KubernetesValueSource(KubernetesValueOrigin.ConnectionString, "ConnectionStrings:" + name);
                foreach (var (key, value) in KubernetesConnectionString.Split(connectionString))
                {
                    raw.TryAdd(KubernetesConnectorKeys.Canonical(key)!, new ConnectorFieldReader.RawValue(value, source));
                }
            }

            var configured = ConnectorFieldReader.Read(name, raw);
            CopyToSettings(configured, settings);
            var before = Snapshot(settings);
            configure?.Invoke(settings);
            var spec = ToSpec(settings, configured.Sources, before);

            if (raw.Count == 0 && string.IsNullOrWhiteSpace(spec.Server))
            {
                // No connector key anywhere (client settings alone do not count): name both places to configure.
                throw new KubernetesConnectorException(
                    KubernetesErrorCodes.ConnectorNotConfigured,
                    "Connector '" + name + "' is not configured: set the connection string 'ConnectionStrings:" + name + "' or the section '" +
                    KubernetesConnectorConfiguration.SectionPath(name) + "' (for example through WithReference in the app host, environment variables or appsettings.json).");
            }

            var diagnostics = KubernetesConnectorValidator.Validate(spec, timeProvider ?? settings.ClientOptions.TimeProvider)
                .Select(d => d with { Field = PathOf(spec, d.Field) })
                .ToList();
            if (diagnostics.Any(d => d.Severity == KubernetesDiagnosticSeverity.Error))
            {
                return new KubernetesConnectorBinding(settings, null, [], new KubernetesConnectorException(name, diagnostics));
            }

            return new KubernetesConnectorBinding(settings, spec, diagnostics, null);
        }
        catch (KubernetesConnectorException e)
        {
            return new KubernetesConnectorBinding(settings, null, [], e);
        }
    }

    /// <summary>Where a field was set, or where to set it: a configuration path, never a value.</summary>
    private static string PathOf(KubernetesConnectorSpec spec, string field) =>
        spec.Sources.TryGetValue(field, out var source) && source.Detail.Length != 0
            ? source.Detail
            : KubernetesConnectorConfiguration.SectionPath(spec.Name) + ":" + field;

    private static void ApplySettings(KubernetesConnectorSettings settings, IConfigurationSection section, bool shared, Dictionary<string, ConnectorFieldReader.RawValue>? raw)
    {
        foreach (var child in section.GetChildren())
        {
            var key = SettingKeys.FirstOrDefault(k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase));
            if (key is not null && child.Value is not null && !(shared && key == DefaultKey))
            {
                ApplySetting(settings, key, child);
                continue;
            }

            if (raw is null)
            {
                continue; // the shared section also holds one sub-section per connector
            }

            var canonical = KubernetesConnectorKeys.Canonical(child.Key);
            if (canonical is null || canonical == KubernetesConnectorKeys.Exec)
            {
                throw new KubernetesConnectorException(
                    KubernetesErrorCodes.UnknownKey,
                    "The configuration section '" + section.Path + "' has the unknown key '" + child.Key + "'. Valid keys: " +
                    string.Join(", ", KubernetesConnectorKeys.All.Where(k => k != KubernetesConnectorKeys.Exec).Concat(SettingKeys)) + ".");
            }

            if (child.Value is null)
            {
                throw new KubernetesConnectorException(
                    KubernetesErrorCodes.UnknownKey,
                    "The key '" + child.Path + "' is a section, but it must be a single value.");
            }

            raw[canonical] = new ConnectorFieldReader.RawValue(child.Value, new KubernetesValueSource(KubernetesValueOrigin.Configuration, child.Path));
        }
    }

    private static void ApplySetting(KubernetesConnectorSettings settings, string key, IConfigurationSection value)
    {
        switch (key)
        {
            case DefaultKey: settings.Default = Boolean(value); break;
            case DisableHealthChecksKey: settings.DisableHealthChecks = Boolean(value); break;
            case DisableTracingKey: settings.DisableTracing = Boolean(value); break;
            case DisableMetricsKey: settings.DisableMetrics = Boolean(value); break;
            case HealthCheckTimeoutKey: settings.HealthCheckTimeout = Duration(value); break;
            case HealthCheckCacheDurationKey: settings.HealthCheckCacheDuration = Duration(value); break;
            case RefreshBeforeExpiryKey: settings.RefreshBeforeExpiry = Duration(value); break;
        }
    }

    private static bool Boolean(IConfigurationSection value) =>
        bool.TryParse(value.Value!.Trim(), out var result)
            ? result
            : throw InvalidSetting(value, "is not 'true' or 'false'");

    private static TimeSpan Duration(IConfigurationSection value) =>
        TimeSpan.TryParse(value.Value!.Trim(), CultureInfo.InvariantCulture, out var result) && result >= TimeSpan.Zero
            ? result
            : throw InvalidSetting(value, "is not a duration such as 00:00:05 (hh:mm:ss)");

    // Setting values are never secret, so the message may quote them.
    private static KubernetesConnectorException InvalidSetting(IConfigurationSection value, string problem) => new(
        KubernetesInjectionErrorCodes.InvalidSetting,
        "The setting '" + value.Path + "' = '" + value.Value + "' " + problem + ". Fix the value or remove the key to use the default.");

    private static void CopyToSettings(KubernetesConnectorSpec spec, KubernetesConnectorSettings settings)
    {
        bool Has(string key) => spec.Sources.ContainsKey(key);
        settings.Server = Has(KubernetesConnectorKeys.Server) ? spec.Server : null;
        settings.ClusterName = spec.ClusterName;
        settings.AuthMethod = Has(KubernetesConnectorKeys.AuthMethod) ? spec.AuthMethod : null;
        settings.Token = spec.Token;
        settings.TokenFile = spec.TokenFile;
        settings.Username = spec.Username;
        settings.Password = spec.Password;
        settings.CertificateAuthorityData = spec.CertificateAuthorityData;
        settings.ClientCertificateData = spec.ClientCertificateData;
        settings.ClientKeyData = spec.ClientKeyData;
        settings.InsecureSkipTlsVerify = Has(KubernetesConnectorKeys.InsecureSkipTlsVerify) ? spec.InsecureSkipTlsVerify : null;
        settings.TlsServerName = spec.TlsServerName;
        settings.Namespace = spec.Namespace;
        settings.ExpiresAt = spec.ExpiresAt;
    }

    /// <summary>The connector fields of <paramref name="settings"/> by key, to tell what the delegate changed.</summary>
    private static Dictionary<string, object?> Snapshot(KubernetesConnectorSettings settings) => new(StringComparer.Ordinal)
    {
        [KubernetesConnectorKeys.Server] = settings.Server,
        [KubernetesConnectorKeys.ClusterName] = settings.ClusterName,
        [KubernetesConnectorKeys.AuthMethod] = settings.AuthMethod,
        [KubernetesConnectorKeys.Token] = settings.Token,
        [KubernetesConnectorKeys.TokenFile] = settings.TokenFile,
        [KubernetesConnectorKeys.Username] = settings.Username,
        [KubernetesConnectorKeys.Password] = settings.Password,
        [KubernetesConnectorKeys.CertificateAuthorityData] = settings.CertificateAuthorityData,
        [KubernetesConnectorKeys.ClientCertificateData] = settings.ClientCertificateData,
        [KubernetesConnectorKeys.ClientKeyData] = settings.ClientKeyData,
        [KubernetesConnectorKeys.InsecureSkipTlsVerify] = settings.InsecureSkipTlsVerify,
        [KubernetesConnectorKeys.TlsServerName] = settings.TlsServerName,
        [KubernetesConnectorKeys.Namespace] = settings.Namespace,
        [KubernetesConnectorKeys.ExpiresAt] = settings.ExpiresAt,
    };

    private static KubernetesConnectorSpec ToSpec(KubernetesConnectorSettings settings, IReadOnlyDictionary<string, KubernetesValueSource> configuredSources, Dictionary<string, object?> before)
    {
        var sources = new Dictionary<string, KubernetesValueSource>(configuredSources, StringComparer.Ordinal);
        var delegateSource = new KubernetesValueSource(KubernetesValueOrigin.Code, "AddKubernetesConnectorClient(\"" + settings.Name + "\") delegate");
        foreach (var (key, now) in Snapshot(settings))
        {
            if (Equals(before[key], now))
            {
                continue;
            }

            if (now is null)
            {
                sources.Remove(key);
            }
            else
            {
                sources[key] = delegateSource;
            }
        }

        return new KubernetesConnectorSpec
        {
            Name = settings.Name,
            Server = settings.Server?.Trim() ?? string.Empty,
            ClusterName = settings.ClusterName,
            AuthMethod = settings.AuthMethod ?? KubernetesAuthMethod.Token,
            Token = settings.Token,
            TokenFile = settings.TokenFile,
            Username = settings.Username,
            Password = settings.Password,
            CertificateAuthorityData = settings.CertificateAuthorityData,
            ClientCertificateData = settings.ClientCertificateData,
            ClientKeyData = settings.ClientKeyData,
            InsecureSkipTlsVerify = settings.InsecureSkipTlsVerify ?? false,
            TlsServerName = settings.TlsServerName,
            Namespace = settings.Namespace,
            ExpiresAt = settings.ExpiresAt,
            Sources = sources,
        };
    }
}
