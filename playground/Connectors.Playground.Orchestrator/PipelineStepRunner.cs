using k8s;
using k8s.Models;

namespace Connectors.Playground.Orchestrator;

/// <summary>
/// Runs pipeline steps as batch/v1 Jobs through an injected, already authenticated client: it creates
/// the Job, streams its pod's log while it runs, and waits for the outcome with a watch (no polling).
/// </summary>
public sealed class PipelineStepRunner
{
    private readonly IKubernetes _kubernetes;
    private readonly string _namespace;

    /// <summary>Creates a runner for one namespace.</summary>
    /// <param name="kubernetes">The client, for example <c>[FromKeyedServices("kube-auto")] IKubernetes</c>.</param>
    /// <param name="namespace">Where the Jobs run.</param>
    public PipelineStepRunner(IKubernetes kubernetes, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        _kubernetes = kubernetes;
        _namespace = @namespace;
    }

    /// <summary>Runs <paramref name="step"/> to completion.</summary>
    /// <param name="step">The step.</param>
    /// <param name="onLogLine">Called with each log line as it arrives.</param>
    /// <param name="cancellationToken">Abandons the wait (the Job is left to the cluster).</param>
    /// <returns>The outcome and the full log.</returns>
    public async Task<PipelineStepResult> RunAsync(PipelineStep step, Action<string>? onLogLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(step.Timeout);
        var token = timeout.Token;

        var job = await _kubernetes.BatchV1.CreateNamespacedJobAsync(ToJob(step), _namespace, cancellationToken: token);
        var podName = await WaitForPodAsync(step.Name, token);
        var lines = new List<string>();
        using (var log = await _kubernetes.CoreV1.ReadNamespacedPodLogAsync(podName, _namespace, follow: true, cancellationToken: token))
        using (var reader = new StreamReader(log))
        {
            while (await reader.ReadLineAsync(token) is { } line)
            {
                lines.Add(line);
                onLogLine?.Invoke(line);
            }
        }

        var (succeeded, reason) = await WaitForJobAsync(job.Metadata.Name, token);
        return new PipelineStepResult(job.Metadata.Name, succeeded, reason, podName, lines);
    }

    private async Task<string> WaitForPodAsync(string jobName, CancellationToken cancellationToken)
    {
        var selector = "job-name=" + jobName;
        var pods = await _kubernetes.CoreV1.ListNamespacedPodAsync(_namespace, labelSelector: selector, cancellationToken: cancellationToken);
        if (pods.Items.FirstOrDefault() is { } existing)
        {
            return existing.Metadata.Name;
        }

        await foreach (var (type, pod) in _kubernetes.CoreV1.WatchListNamespacedPodAsync(
            _namespace, labelSelector: selector, resourceVersion: pods.Metadata.ResourceVersion, cancellationToken: cancellationToken))
        {
            if (type is WatchEventType.Added or WatchEventType.Modified)
            {
                return pod.Metadata.Name;
            }
        }

        throw new InvalidOperationException("The watch on the pods of Job '" + jobName + "' ended before a pod appeared.");
    }

    private async Task<(bool Succeeded, string? Reason)> WaitForJobAsync(string jobName, CancellationToken cancellationToken)
    {
        var list = await _kubernetes.BatchV1.ListNamespacedJobAsync(_namespace, fieldSelector: "metadata.name=" + jobName, cancellationToken: cancellationToken);
        if (list.Items.FirstOrDefault() is { } current && Outcome(current) is { } done)
        {
            return done;
        }

        await foreach (var (_, job) in _kubernetes.BatchV1.WatchListNamespacedJobAsync(
            _namespace, fieldSelector: "metadata.name=" + jobName, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cancellationToken))
        {
            if (Outcome(job) is { } outcome)
            {
                return outcome;
            }
        }

        throw new InvalidOperationException("The watch on Job '" + jobName + "' ended before the Job finished.");
    }

    private static (bool Succeeded, string? Reason)? Outcome(V1Job job)
    {
        foreach (var condition in job.Status?.Conditions ?? [])
        {
            if (condition.Status == "True" && condition.Type is "Complete" or "Failed")
            {
                return (condition.Type == "Complete", condition.Reason);
            }
        }

        return null;
    }

    private static V1Job ToJob(PipelineStep step) => new()
    {
        ApiVersion = "batch/v1",
        Kind = "Job",
        Metadata = new V1ObjectMeta
        {
            Name = step.Name,
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "connectors-orchestrator" },
            Annotations = new Dictionary<string, string>(step.Annotations),
        },
        Spec = new V1JobSpec
        {
            BackoffLimit = 0,
            Template = new V1PodTemplateSpec
            {
                Spec = new V1PodSpec
                {
                    RestartPolicy = "Never",
                    Containers = [new V1Container { Name = "step", Image = step.Image, Command = step.Command.Count == 0 ? null : [.. step.Command] }],
                },
            },
        },
    };
}
