using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Connectors.Playground.ModelDeployer;

/// <summary>
/// Rolls a model server out through an injected, already authenticated client: it applies a
/// Deployment and a Service (create, or replace what is there), waits for the rollout with a watch,
/// reports the endpoint, and tears both down again.
/// </summary>
public sealed class ModelDeployment
{
    private const string AppLabel = "app.kubernetes.io/name";
    private readonly IKubernetes _kubernetes;
    private readonly string _namespace;

    /// <summary>Creates a deployer for one namespace.</summary>
    /// <param name="kubernetes">The client, for example <c>[FromKeyedServices("kube-auto")] IKubernetes</c>.</param>
    /// <param name="namespace">Where the model runs.</param>
    public ModelDeployment(IKubernetes kubernetes, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        _kubernetes = kubernetes;
        _namespace = @namespace;
    }

    /// <summary>Applies the Deployment and Service and waits until every replica of the new template is ready.</summary>
    /// <param name="request">What to deploy.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>The endpoint of the model.</returns>
    public async Task<ModelEndpoint> DeployAsync(ModelDeploymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        var token = timeout.Token;

        var deployment = await ApplyDeploymentAsync(ToDeployment(request), token);
        var service = await ApplyServiceAsync(ToService(request), token);
        var ready = await WaitForRolloutAsync(request.Name, deployment.Metadata.Generation ?? 1, request.Replicas, token);
        return new ModelEndpoint(service.Metadata.Name, _namespace, service.Spec.ClusterIP, request.Port, ready);
    }

    /// <summary>Deletes the Deployment and Service of <paramref name="name"/>; absent objects are fine.</summary>
    /// <param name="name">The name given at deployment.</param>
    /// <param name="cancellationToken">Stops the teardown.</param>
    /// <returns>A task that completes when both are gone.</returns>
    public async Task TeardownAsync(string name, CancellationToken cancellationToken = default)
    {
        await IgnoreNotFound(() => _kubernetes.CoreV1.DeleteNamespacedServiceAsync(name, _namespace, cancellationToken: cancellationToken));
        await IgnoreNotFound(() => _kubernetes.AppsV1.DeleteNamespacedDeploymentAsync(name, _namespace, propagationPolicy: "Foreground", cancellationToken: cancellationToken));
    }

    private async Task<V1Deployment> ApplyDeploymentAsync(V1Deployment desired, CancellationToken cancellationToken)
    {
        try
        {
            return await _kubernetes.AppsV1.CreateNamespacedDeploymentAsync(desired, _namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = await _kubernetes.AppsV1.ReadNamespacedDeploymentAsync(desired.Metadata.Name, _namespace, cancellationToken: cancellationToken);
            desired.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
            return await _kubernetes.AppsV1.ReplaceNamespacedDeploymentAsync(desired, desired.Metadata.Name, _namespace, cancellationToken: cancellationToken);
        }
    }

    private async Task<V1Service> ApplyServiceAsync(V1Service desired, CancellationToken cancellationToken)
    {
        try
        {
            return await _kubernetes.CoreV1.CreateNamespacedServiceAsync(desired, _namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = await _kubernetes.CoreV1.ReadNamespacedServiceAsync(desired.Metadata.Name, _namespace, cancellationToken: cancellationToken);
            desired.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
            desired.Spec.ClusterIP = existing.Spec.ClusterIP;
            return await _kubernetes.CoreV1.ReplaceNamespacedServiceAsync(desired, desired.Metadata.Name, _namespace, cancellationToken: cancellationToken);
        }
    }

    private async Task<int> WaitForRolloutAsync(string name, long generation, int replicas, CancellationToken cancellationToken)
    {
        var selector = "metadata.name=" + name;
        var list = await _kubernetes.AppsV1.ListNamespacedDeploymentAsync(_namespace, fieldSelector: selector, cancellationToken: cancellationToken);
        if (list.Items.FirstOrDefault() is { } current && IsRolledOut(current, generation, replicas))
        {
            return current.Status.ReadyReplicas ?? 0;
        }

        await foreach (var (_, deployment) in _kubernetes.AppsV1.WatchListNamespacedDeploymentAsync(
            _namespace, fieldSelector: selector, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cancellationToken))
        {
            if (IsRolledOut(deployment, generation, replicas))
            {
                return deployment.Status.ReadyReplicas ?? 0;
            }
        }

        throw new InvalidOperationException("The watch on Deployment '" + name + "' ended before its rollout finished.");
    }

    // kubectl rollout status's rule: the controller saw this generation and every replica is updated, ready and available.
    private static bool IsRolledOut(V1Deployment deployment, long generation, int replicas) =>
        deployment.Status is { } status
        && status.ObservedGeneration >= generation
        && (status.UpdatedReplicas ?? 0) == replicas
        && (status.ReadyReplicas ?? 0) == replicas
        && (status.AvailableReplicas ?? 0) == replicas;

    private static async Task IgnoreNotFound(Func<Task> delete)
    {
        try
        {
            await delete();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: teardown is idempotent.
        }
    }

    private static V1Deployment ToDeployment(ModelDeploymentRequest request) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = request.Name, Labels = Labels(request.Name) },
        Spec = new V1DeploymentSpec
        {
            Replicas = request.Replicas,
            Selector = new V1LabelSelector { MatchLabels = Labels(request.Name) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = Labels(request.Name) },
                Spec = new V1PodSpec
                {
                    Containers = [new V1Container { Name = "model", Image = request.Image, Ports = [new V1ContainerPort { ContainerPort = request.Port, Name = "http" }] }],
                },
            },
        },
    };

    private static V1Service ToService(ModelDeploymentRequest request) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = request.Name, Labels = Labels(request.Name) },
        Spec = new V1ServiceSpec
        {
            Selector = Labels(request.Name),
            Ports = [new V1ServicePort { Port = request.Port, Name = "http", TargetPort = request.Port }],
        },
    };

    private static Dictionary<string, string> Labels(string name) => new() { [AppLabel] = name };
}
