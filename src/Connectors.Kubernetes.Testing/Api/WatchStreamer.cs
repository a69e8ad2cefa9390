using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Store;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>
/// <c>?watch=true</c>: a chunked stream of newline-separated <c>{"type":…,"object":…}</c> events, as
/// the official client's <c>Watch</c> and <c>kubectl get -w</c> read it (with Table objects when kubectl asks).
/// </summary>
internal sealed class WatchStreamer(ObjectStore store, TableConverter tables, CancellationToken stopping)
{
    public async Task StreamAsync(RequestContext request)
    {
        var route = request.Route;
        var resource = route.Resource!;
        var filter = ResourceHandler.Filter(request);
        if (route.Name is not null)
        {
            // GET …/pods/{name}?watch=true is the old form of a watch on one object.
            var name = route.Name;
            var inner = filter;
            filter = obj => JsonTree.String(obj, "metadata", "name") == name && inner(obj);
        }

        long? since = null;
        var versionText = request.Query("resourceVersion");
        if (!string.IsNullOrEmpty(versionText))
        {
            since = long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw ApiException.BadRequest($"invalid resourceVersion \"{versionText}\": resource versions of this server are integers");
        }

        var asTable = TableConverter.IsRequested(request.Http.Request.Headers.Accept);
        var includeObject = request.Query("includeObject") == "Object";
        using var timeout = new CancellationTokenSource();
        if (int.TryParse(request.Query("timeoutSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(request.Http.RequestAborted, stopping, timeout.Token);
        using var subscription = store.Watch(resource, route.Namespace, filter, since);

        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        if (subscription.Expired)
        {
            var gone = new ApiException(410, "Expired", $"too old resource version: {since}");
            await WriteEventAsync(request, "ERROR", ApiResponses.Status(gone), linked.Token).ConfigureAwait(false);
            return;
        }

        await response.StartAsync(linked.Token).ConfigureAwait(false);
        await response.Body.FlushAsync(linked.Token).ConfigureAwait(false);
        try
        {
            await foreach (var change in subscription.Events.ReadAllAsync(linked.Token).ConfigureAwait(false))
            {
                JsonNode obj = asTable
                    ? tables.ToTable(resource, [change.Object], change.Version.ToString(CultureInfo.InvariantCulture), includeObject)
                    : change.Object;
                await WriteEventAsync(request, change.Type, obj, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away, the timeout passed or the server is stopping: the stream simply ends.
        }
    }

    private static async Task WriteEventAsync(RequestContext request, string type, JsonNode obj, CancellationToken cancellationToken)
    {
        // The event's object is shared by every watcher of the change: it is written, never re-parented.
        var bytes = ApiResponses.SerializeEvent(type, obj);
        var body = request.Http.Response.Body;
        await body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await body.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
