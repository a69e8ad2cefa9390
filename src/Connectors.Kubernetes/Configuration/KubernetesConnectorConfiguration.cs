using Microsoft.Extensions.Configuration;

namespace Connectors.Kubernetes;

/// <summary>
/// Reads a connector from configuration: the section <c>Connectors:Kubernetes:{name}</c> (keys as in
/// <see cref="KubernetesConnectorKeys"/>, case-insensitive) and the connection string
/// <c>ConnectionStrings:{name}</c>. When both are present, connection string values override the
/// section's, key by key, and <see cref="KubernetesConnectorSpec.Sources"/> records which won.
/// </summary>
public static class KubernetesConnectorConfiguration
{
    /// <summary>The parent section of every connector: <c>Connectors:Kubernetes</c>.</summary>
    public const string SectionPrefix = "Connectors:Kubernetes";

    /// <summary>Returns <c>Connectors:Kubernetes:{name}</c>.</summary>
    public static string SectionPath(string name) => SectionPrefix + ":" + name;

    /// <summary>Returns <see langword="true"/> when either the section or the connection string of <paramref name="name"/> exists.</summary>
    public static bool Exists(IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(SectionPath(name)).GetChildren().Any() || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(name));
    }

    /// <summary>Builds the spec of connector <paramref name="name"/> from the section and the connection string.</summary>
    /// <exception cref="KubernetesConnectorException">Neither is configured (<c>KC1104</c>), a key is unknown (<c>KC1102</c>) or a value is malformed.</exception>
    public static KubernetesConnectorSpec Load(IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(name);
        var values = ReadSection(configuration.GetSection(SectionPath(name)));
        var connectionString = configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var parsed = KubernetesConnectionString.Parse(name, connectionString);
            var source = new KubernetesValueSource(KubernetesValueOrigin.ConnectionString, "ConnectionStrings:" + name);
            foreach (var (key, value) in KubernetesConnectionString.Split(connectionString))
            {
                values[KubernetesConnectorKeys.Canonical(key)!] = new ConnectorFieldReader.RawValue(value, source);
            }

            _ = parsed; // parsed first so that syntax errors name the connection string, not the merged result
        }
        else if (values.Count == 0)
        {
            throw new KubernetesConnectorException(
                KubernetesErrorCodes.ConnectorNotConfigured,
                "Connector '" + name + "' is not configured: set the connection string 'ConnectionStrings:" + name + "' or the section '" + SectionPath(name) +
                "' (for example through WithReference in the app host, environment variables or appsettings.json).");
        }

        return ConnectorFieldReader.Read(name, values);
    }

    /// <summary>Builds a spec from one section only (no connection string), e.g. a section of a settings file.</summary>
    public static KubernetesConnectorSpec Bind(IConfigurationSection section, string name)
    {
        ArgumentNullException.ThrowIfNull(section);
        return ConnectorFieldReader.Read(name, ReadSection(section));
    }

    private static Dictionary<string, ConnectorFieldReader.RawValue> ReadSection(IConfigurationSection section)
    {
        var values = new Dictionary<string, ConnectorFieldReader.RawValue>(StringComparer.Ordinal);
        foreach (var child in section.GetChildren())
        {
            var canonical = KubernetesConnectorKeys.Canonical(child.Key) ?? throw new KubernetesConnectorException(
                KubernetesErrorCodes.UnknownKey,
                "The configuration section '" + section.Path + "' has the unknown key '" + child.Key + "'. Valid keys: " + string.Join(", ", KubernetesConnectorKeys.All) + ".");
            if (child.Value is null)
            {
                throw new KubernetesConnectorException(
                    KubernetesErrorCodes.UnknownKey,
                    "The key '" + child.Path + "' is a section, but it must be a single value.");
            }

            values[canonical] = new ConnectorFieldReader.RawValue(child.Value, new KubernetesValueSource(KubernetesValueOrigin.Configuration, child.Path));
        }

        return values;
    }
}
