using Connectors.Kubernetes.Items;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Projects;

namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>Turns a declared connector into the core's spec: from its item and secrets, or — for a linked item — from its kubeconfig context, read now.</summary>
internal static class ConnectorSpecs
{
    /// <param name="context">The tool's context.</param>
    /// <param name="record">The declared connector.</param>
    /// <param name="cancellationToken">Cancels a lift.</param>
    /// <param name="runExecPlugins">False when only names and addresses are needed (logout): an exec plugin is not run.</param>
    public static async Task<KubernetesConnectorSpec> ResolveAsync(CliContext context, ConnectorRecord record, CancellationToken cancellationToken, bool runExecPlugins = true)
    {
        if (!record.Item.IsAutoConfigure)
        {
            return record.ToSpec();
        }

        var kubeconfig = record.Item.Get(ConnectorItemContract.Kubeconfig) is { } path ? Path.GetFullPath(path, record.BaseDirectory) : null;
        var (spec, _) = await KubeconfigLift.LiftAsync(context, record.Name, kubeconfig, record.Item.Get(ConnectorItemContract.Context), runExecPlugins, cancellationToken).ConfigureAwait(false);
        return spec with
        {
            ClusterName = record.Item.Get(ConnectorItemContract.ClusterName) ?? spec.ClusterName,
            Namespace = record.Item.Get(ConnectorItemContract.Namespace) ?? spec.Namespace,
            Labels = record.Item.Labels,
        };
    }
}
