using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Api;
using Connectors.Kubernetes.Testing.Store;

namespace Connectors.Kubernetes.Testing.Life;

/// <summary>
/// The Deployment controller stand-in: on each new generation it replaces the pods of an old template
/// with pods of the current one (named <c>{deployment}-{template-hash}-{suffix}</c>), reports them
/// updated at once and ready and available after the configured delay, as <c>kubectl rollout status</c> expects.
/// </summary>
internal sealed class DeploymentController(ObjectStore store, LoopbackKubernetesServerOptions options)
{
    private TimeProvider Time => options.TimeProvider;

    public Task Run(CancellationToken stopping) => ControllerLoop.Run(store, ApiCatalog.Deployments, OnChange, stopping);

    private Task OnChange(WatchEvent change, CancellationToken stopping)
    {
        if (change.Type == WatchEvent.Deleted)
        {
            return Task.CompletedTask;
        }

        var generation = JsonTree.Integer(change.Object, "metadata", "generation") ?? 1;
        var observed = JsonTree.Integer(change.Object, "status", "observedGeneration") ?? 0;
        if (observed < generation)
        {
            ControllerLoop.Spawn(() => RolloutAsync(change.Object, generation, stopping));
        }

        return Task.CompletedTask;
    }

    private async Task RolloutAsync(JsonObject deployment, long generation, CancellationToken stopping)
    {
        var ns = JsonTree.String(deployment, "metadata", "namespace")!;
        var name = JsonTree.String(deployment, "metadata", "name")!;
        var uid = JsonTree.String(deployment, "metadata", "uid")!;
        var replicas = (int)(JsonTree.Integer(deployment, "spec", "replicas") ?? 1);
        var template = JsonTree.Walk(deployment, "spec", "template") as JsonObject ?? new JsonObject();
        var hash = TemplateHash(template);

        var owned = store.List(ApiCatalog.Pods, ns, p => IsOwnedBy(p, uid)).Items;
        var current = owned.Where(p => JsonTree.String(p, "metadata", "labels", "pod-template-hash") == hash).ToList();
        foreach (var stale in owned.Except(current).Concat(current.Skip(replicas)))
        {
            store.Delete(ApiCatalog.Pods, ns, JsonTree.String(stale, "metadata", "name")!);
        }

        for (var i = current.Count; i < replicas; i++)
        {
            var metadata = template["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject();
            JsonTree.Child(metadata, "labels")["pod-template-hash"] = hash;
            metadata["generateName"] = $"{name}-{hash}-";
            metadata["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "Deployment",
                ["name"] = name,
                ["uid"] = uid,
                ["controller"] = true,
                ["blockOwnerDeletion"] = true,
            });
            store.Create(ApiCatalog.Pods, ns, new JsonObject { ["metadata"] = metadata, ["spec"] = template["spec"]?.DeepClone() });
        }

        WriteStatus(ns, name, generation, replicas, ready: false);
        await Task.Delay(options.DeploymentReadyDelay, Time, stopping).ConfigureAwait(false);
        WriteStatus(ns, name, generation, replicas, ready: true);
    }

    private void WriteStatus(string ns, string name, long generation, int replicas, bool ready)
    {
        store.Update(ApiCatalog.Deployments, ns, name, current =>
        {
            if ((JsonTree.Integer(current, "metadata", "generation") ?? 1) != generation)
            {
                // A newer generation has its own rollout; this one is stale.
                return current;
            }

            var now = JsonTree.Timestamp(Time.GetUtcNow());
            var status = new JsonObject
            {
                ["observedGeneration"] = generation,
                ["replicas"] = replicas,
                ["updatedReplicas"] = replicas,
            };
            if (ready)
            {
                status["readyReplicas"] = replicas;
                status["availableReplicas"] = replicas;
            }
            else
            {
                status["unavailableReplicas"] = replicas;
            }

            status["conditions"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "Available",
                    ["status"] = ready ? "True" : "False",
                    ["reason"] = ready ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    ["message"] = ready ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                    ["lastUpdateTime"] = now,
                    ["lastTransitionTime"] = now,
                },
                new JsonObject
                {
                    ["type"] = "Progressing",
                    ["status"] = "True",
                    ["reason"] = ready ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    ["message"] = ready ? $"ReplicaSet \"{name}\" has successfully progressed." : $"ReplicaSet \"{name}\" is progressing.",
                    ["lastUpdateTime"] = now,
                    ["lastTransitionTime"] = now,
                });
            current["status"] = status;
            return current;
        }, WriteScope.Status);
    }

    private static bool IsOwnedBy(JsonObject obj, string uid)
        => JsonTree.Walk(obj, "metadata", "ownerReferences") is JsonArray owners && owners.Any(o => JsonTree.String(o, "uid") == uid);

    private static string TemplateHash(JsonObject template)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(template.ToJsonString()));
        return Convert.ToHexStringLower(bytes)[..10];
    }
}
