using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>The connector types the tool knows (one today) and the checks on names given for them.</summary>
internal static class ConnectorTypes
{
    public static void EnsureKnown(string? type)
    {
        if (type is not null && !string.Equals(type, KubernetesConnectorType.Type, StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException(
                CliDiagnostics.UnknownConnectorType,
                $"There is no connector type '{type}'.",
                $"The only type is '{KubernetesConnectorType.Type}'. Run 'dotnet connector list-types' to see it.");
        }
    }

    public static KubernetesAuthMethodDescriptor AuthMethod(string name)
    {
        if (KubernetesAuthMethodNames.TryParse(name, out var method))
        {
            return KubernetesConnectorType.GetAuthMethod(method);
        }

        throw new CliException(
            CliDiagnostics.UnknownAuthMethod,
            $"The kubernetes connector type has no auth method '{name}'.",
            $"Use one of: {string.Join(", ", KubernetesConnectorType.AuthMethods.Select(m => m.Name))}.");
    }
}
