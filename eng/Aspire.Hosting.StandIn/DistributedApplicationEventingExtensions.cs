using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class DistributedApplicationEventingExtensions
{
    // Faithful to Aspire: a per-resource subscription on the builder's eventing.
    public static IResourceBuilder<T> OnInitializeResource<T>(this IResourceBuilder<T> builder, Func<T, InitializeResourceEvent, CancellationToken, Task> callback) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(callback);

        var resource = builder.Resource;
        builder.ApplicationBuilder.Eventing.Subscribe<InitializeResourceEvent>(resource, (e, ct) => callback(resource, e, ct));
        return builder;
    }
}
