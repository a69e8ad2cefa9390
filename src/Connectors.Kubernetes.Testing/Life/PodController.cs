using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Api;
using Connectors.Kubernetes.Testing.Store;

namespace Connectors.Kubernetes.Testing.Life;

/// <summary>
/// The kubelet stand-in: a new pod is scheduled at once and its containers start running and ready;
/// each container of a pod not owned by a Job writes a start line to the pod's log. Job pods are ended by the job controller.
/// </summary>
internal sealed class PodController(ObjectStore store, PodLogBook logs, TimeProvider time)
{
    public Task Run(CancellationToken stopping) => ControllerLoop.Run(store, ApiCatalog.Pods, OnChange, stopping);

    private Task OnChange(WatchEvent change, CancellationToken stopping)
    {
        var ns = change.Namespace!;
        var name = JsonTree.String(change.Object, "metadata", "name")!;
        if (change.Type == WatchEvent.Deleted)
        {
            logs.For(ns, name).Close();
            logs.Forget(ns, name);
            return Task.CompletedTask;
        }

        if (change.Type != WatchEvent.Added || JsonTree.String(change.Object, "status", "phase") is not (null or "Pending"))
        {
            return Task.CompletedTask;
        }

        var started = false;
        store.Update(ApiCatalog.Pods, ns, name, current =>
        {
            if (JsonTree.String(current, "status", "phase") is not (null or "Pending"))
            {
                return current;
            }

            started = true;
            current["spec"]!.AsObject()["nodeName"] ??= "loopback-node";
            current["status"] = PodStatuses.Running(current, time.GetUtcNow());
            return current;
        }, WriteScope.Everything);

        // A Job's pod logs what its job writes (see JobController); other pods log their start.
        var ownedByJob = JsonTree.Walk(change.Object, "metadata", "ownerReferences") is JsonArray owners
            && owners.Any(o => JsonTree.String(o, "kind") == "Job");
        if (started && !ownedByJob)
        {
            var log = logs.For(ns, name);
            foreach (var container in (JsonTree.Walk(change.Object, "spec", "containers") as JsonArray) ?? [])
            {
                log.Append(time.GetUtcNow(), $"Started container {JsonTree.String(container, "name")} (image {JsonTree.String(container, "image")}) on the loopback node");
            }
        }

        return Task.CompletedTask;
    }
}
