namespace Aspire.Hosting.Eventing;

public class DistributedApplicationEventSubscription(Func<IDistributedApplicationEvent, CancellationToken, Task> callback)
{
    public Func<IDistributedApplicationEvent, CancellationToken, Task> Callback { get; } = callback;
}

public enum EventDispatchBehavior
{
    BlockingSequential,
    BlockingConcurrent,
    NonBlockingSequential,
    NonBlockingConcurrent,
}
