using Aspire.Hosting.Eventing;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.ApplicationModel;

public class InitializeResourceEvent(
    IResource resource,
    IDistributedApplicationEventing distributedApplicationEventing,
    ResourceLoggerService resourceLoggerService,
    ResourceNotificationService resourceNotificationService,
    IServiceProvider services) : IDistributedApplicationResourceEvent
{
    public IResource Resource { get; } = resource;

    public IDistributedApplicationEventing Eventing { get; } = distributedApplicationEventing;

    public ILogger Logger { get; } = resourceLoggerService.GetLogger(resource);

    public ResourceNotificationService Notifications { get; } = resourceNotificationService;

    public IServiceProvider Services { get; } = services;
}
