using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Api;
using Connectors.Kubernetes.Testing.Store;

namespace Connectors.Kubernetes.Testing.Life;

/// <summary>
/// The Job controller stand-in: a new Job gets one pod that runs for the configured time and then
/// succeeds or fails; the Job's status follows (active, then succeeded or failed with conditions).
/// No retries and no parallelism: one pod per Job.
/// </summary>
internal sealed class JobController(ObjectStore store, PodLogBook logs, LoopbackKubernetesServerOptions options)
{
    private TimeProvider Time => options.TimeProvider;

    public Task Run(CancellationToken stopping) => ControllerLoop.Run(store, ApiCatalog.Jobs, OnChange, stopping);

    private Task OnChange(WatchEvent change, CancellationToken stopping)
    {
        if (change.Type == WatchEvent.Added && JsonTree.Walk(change.Object, "status", "startTime") is null
            && !(JsonTree.Walk(change.Object, "spec", "suspend") is JsonValue s && s.TryGetValue<bool>(out var suspended) && suspended))
        {
            ControllerLoop.Spawn(() => RunJobAsync(change.Object, stopping));
        }

        return Task.CompletedTask;
    }

    private async Task RunJobAsync(JsonObject job, CancellationToken stopping)
    {
        var ns = JsonTree.String(job, "metadata", "namespace")!;
        var name = JsonTree.String(job, "metadata", "name")!;
        var uid = JsonTree.String(job, "metadata", "uid")!;
        var duration = LifeAnnotations.DurationOr(job, options.JobDuration);
        var outcome = LifeAnnotations.OutcomeOr(job, options.JobOutcome);
        var template = JsonTree.Walk(job, "spec", "template") as JsonObject ?? new JsonObject();

        var podMetadata = template["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject();
        podMetadata["generateName"] = name + "-";
        podMetadata["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["name"] = name,
            ["uid"] = uid,
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        });
        var pod = new JsonObject { ["metadata"] = podMetadata, ["spec"] = template["spec"]?.DeepClone() };
        var created = store.Create(ApiCatalog.Pods, ns, pod);
        var podName = JsonTree.String(created, "metadata", "name")!;

        var startTime = JsonTree.Timestamp(Time.GetUtcNow());
        store.Update(ApiCatalog.Jobs, ns, name, current =>
        {
            var status = JsonTree.Child(current, "status");
            status["startTime"] = startTime;
            status["active"] = 1;
            status["ready"] = 1;
            status["terminating"] = 0;
            return current;
        }, WriteScope.Status);

        var log = logs.For(ns, podName);
        foreach (var line in LifeAnnotations.LogLines(job))
        {
            log.Append(Time.GetUtcNow(), line);
        }

        await Task.Delay(duration, Time, stopping).ConfigureAwait(false);

        var succeeded = outcome == LoopbackJobOutcome.Complete;
        log.Append(Time.GetUtcNow(), succeeded ? $"Job {name} completed" : $"Job {name} failed with exit code 1");
        store.Update(ApiCatalog.Pods, ns, podName, current =>
        {
            current["status"] = PodStatuses.Terminated(current, Time.GetUtcNow(), succeeded);
            return current;
        }, WriteScope.Everything);
        log.Close();

        var finished = JsonTree.Timestamp(Time.GetUtcNow());
        store.Update(ApiCatalog.Jobs, ns, name, current =>
        {
            var status = JsonTree.Child(current, "status");
            status["active"] = 0;
            status["ready"] = 0;
            status["uncountedTerminatedPods"] = new JsonObject();
            if (succeeded)
            {
                status["succeeded"] = 1;
                status["completionTime"] = finished;
                status["conditions"] = new JsonArray(
                    Condition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", finished),
                    Condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", finished));
            }
            else
            {
                status["failed"] = 1;
                status["conditions"] = new JsonArray(
                    Condition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", finished),
                    Condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", finished));
            }

            return current;
        }, WriteScope.Status);
    }

    private static JsonObject Condition(string type, string reason, string message, string at) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["message"] = message,
        ["lastProbeTime"] = at,
        ["lastTransitionTime"] = at,
    };
}
