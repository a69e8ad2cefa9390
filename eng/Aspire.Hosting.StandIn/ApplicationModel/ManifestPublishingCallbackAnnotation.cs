using Aspire.Hosting.Publishing;

namespace Aspire.Hosting.ApplicationModel;

public class ManifestPublishingCallbackAnnotation : IResourceAnnotation
{
    public ManifestPublishingCallbackAnnotation(Action<ManifestPublishingContext>? callback)
    {
        if (callback is not null)
        {
            Callback = context =>
            {
                callback(context);
                return Task.CompletedTask;
            };
        }
    }

    public ManifestPublishingCallbackAnnotation(Func<ManifestPublishingContext, Task>? callback)
    {
        Callback = callback;
    }

    public Func<ManifestPublishingContext, Task>? Callback { get; }

    public static ManifestPublishingCallbackAnnotation Ignore { get; } = new((Action<ManifestPublishingContext>?)null);
}
