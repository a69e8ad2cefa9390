using Connectors.Kubernetes.Testing.Api;
using Connectors.Kubernetes.Testing.Store;

namespace Connectors.Kubernetes.Testing.Life;

/// <summary>
/// Runs a simulated controller: feeds it every change of one kind until the server stops. A change
/// the controller cannot finish because the object is gone is dropped, as a real controller would.
/// </summary>
internal static class ControllerLoop
{
    public static Task Run(ObjectStore store, ApiResource resource, Func<WatchEvent, CancellationToken, Task> onChange, CancellationToken stopping)
    {
        var subscription = store.Watch(resource, null, static _ => true, sinceVersion: null);
        return Task.Run(
            async () =>
            {
                using (subscription)
                {
                    try
                    {
                        await foreach (var change in subscription.Events.ReadAllAsync(stopping).ConfigureAwait(false))
                        {
                            await Guard(() => onChange(change, stopping)).ConfigureAwait(false);
                        }
                    }
                    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                    {
                    }
                }
            },
            CancellationToken.None);
    }

    /// <summary>Runs background work of a controller (a timer, a rollout) with the same tolerance.</summary>
    public static void Spawn(Func<Task> work) => _ = Task.Run(() => Guard(work));

    private static async Task Guard(Func<Task> work)
    {
        try
        {
            // Invoked inside the try: a step that fails before its first await is handled the same way.
            await work().ConfigureAwait(false);
        }
        catch (ApiException)
        {
            // The object was deleted or changed under us (or refused): this step ends, the loop goes on.
        }
        catch (OperationCanceledException)
        {
        }
    }
}
