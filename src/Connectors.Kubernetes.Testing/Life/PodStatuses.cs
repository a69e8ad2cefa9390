using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Store;

namespace Connectors.Kubernetes.Testing.Life;

/// <summary>The status blocks of a simulated pod: running and ready, or terminated with an exit code.</summary>
internal static class PodStatuses
{
    private static int s_nextAddress;

    public static JsonObject Running(JsonObject pod, DateTimeOffset now)
    {
        var started = JsonTree.Timestamp(now);
        var address = Interlocked.Increment(ref s_nextAddress);
        return new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = Conditions(ready: true, started),
            ["hostIP"] = "127.0.0.1",
            ["podIP"] = string.Create(CultureInfo.InvariantCulture, $"10.244.{(address / 250) % 250}.{(address % 250) + 2}"),
            ["startTime"] = started,
            ["qosClass"] = "BestEffort",
            ["containerStatuses"] = Containers(pod, c => new JsonObject
            {
                ["name"] = JsonTree.String(c, "name"),
                ["image"] = JsonTree.String(c, "image"),
                ["imageID"] = string.Empty,
                ["ready"] = true,
                ["started"] = true,
                ["restartCount"] = 0,
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = started } },
            }),
        };
    }

    public static JsonObject Terminated(JsonObject pod, DateTimeOffset now, bool succeeded)
    {
        var status = pod["status"] is JsonObject existing ? (JsonObject)existing.DeepClone() : Running(pod, now);
        var finished = JsonTree.Timestamp(now);
        var started = JsonTree.String(status, "startTime") ?? finished;
        status["phase"] = succeeded ? "Succeeded" : "Failed";
        status["conditions"] = Conditions(ready: false, finished);
        status["containerStatuses"] = Containers(pod, c => new JsonObject
        {
            ["name"] = JsonTree.String(c, "name"),
            ["image"] = JsonTree.String(c, "image"),
            ["imageID"] = string.Empty,
            ["ready"] = false,
            ["started"] = false,
            ["restartCount"] = 0,
            ["state"] = new JsonObject
            {
                ["terminated"] = new JsonObject
                {
                    ["exitCode"] = succeeded ? 0 : 1,
                    ["reason"] = succeeded ? "Completed" : "Error",
                    ["startedAt"] = started,
                    ["finishedAt"] = finished,
                },
            },
        });
        return status;
    }

    public static IEnumerable<string> ContainerNames(JsonObject pod)
        => (JsonTree.Walk(pod, "spec", "containers") as JsonArray)?.Select(c => JsonTree.String(c, "name") ?? string.Empty) ?? [];

    private static JsonArray Conditions(bool ready, string at)
    {
        var value = ready ? "True" : "False";
        return new JsonArray(
            new JsonObject { ["type"] = "PodReadyToStartContainers", ["status"] = value, ["lastTransitionTime"] = at },
            new JsonObject { ["type"] = "Initialized", ["status"] = "True", ["lastTransitionTime"] = at },
            new JsonObject { ["type"] = "Ready", ["status"] = value, ["lastTransitionTime"] = at },
            new JsonObject { ["type"] = "ContainersReady", ["status"] = value, ["lastTransitionTime"] = at },
            new JsonObject { ["type"] = "PodScheduled", ["status"] = "True", ["lastTransitionTime"] = at });
    }

    private static JsonArray Containers(JsonObject pod, Func<JsonNode?, JsonObject> shape)
    {
        var list = new JsonArray();
        if (JsonTree.Walk(pod, "spec", "containers") is JsonArray containers)
        {
            foreach (var container in containers)
            {
                list.Add(shape(container));
            }
        }

        return list;
    }
}
