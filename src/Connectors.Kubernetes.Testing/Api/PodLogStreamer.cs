using System.Globalization;
using System.Text;
using Connectors.Kubernetes.Testing.Life;
using Connectors.Kubernetes.Testing.Store;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary><c>GET …/pods/{name}/log</c>: the pod's log as text, optionally followed until the container ends.</summary>
internal sealed class PodLogStreamer(ObjectStore store, PodLogBook logs, CancellationToken stopping)
{
    public async Task StreamAsync(RequestContext request)
    {
        var route = request.Route;
        var pod = store.Get(ApiCatalog.Pods, route.Namespace, route.Name!);
        var container = request.Query("container");
        var containers = PodStatuses.ContainerNames(pod).ToList();
        if (container is not null && !containers.Contains(container))
        {
            throw ApiException.BadRequest($"container {container} is not valid for pod {route.Name}");
        }

        if (container is null && containers.Count > 1)
        {
            throw ApiException.BadRequest($"a container name must be specified for pod {route.Name}, choose one of: [{string.Join(" ", containers)}]");
        }

        var follow = request.QueryFlag("follow");
        var timestamps = request.QueryFlag("timestamps");
        int? tail = int.TryParse(request.Query("tailLines"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;

        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "text/plain";
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(request.Http.RequestAborted, stopping);
        var log = logs.For(route.Namespace!, route.Name!);
        var (lines, closed, changed) = log.Read(0);
        var position = tail is null ? 0 : Math.Max(0, lines.Count - tail.Value);
        try
        {
            while (true)
            {
                (lines, closed, changed) = log.Read(position);
                foreach (var (at, line) in lines)
                {
                    var text = timestamps ? JsonTree.Timestamp(at) + " " + line + "\n" : line + "\n";
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), linked.Token).ConfigureAwait(false);
                }

                position += lines.Count;
                if (!follow || closed)
                {
                    return;
                }

                await response.Body.FlushAsync(linked.Token).ConfigureAwait(false);
                await changed.WaitAsync(linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The follower went away or the server is stopping.
        }
    }
}
