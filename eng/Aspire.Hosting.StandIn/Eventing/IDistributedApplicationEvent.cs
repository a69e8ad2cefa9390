using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Eventing;

public interface IDistributedApplicationEvent
{
}

public interface IDistributedApplicationResourceEvent : IDistributedApplicationEvent
{
    IResource Resource { get; }
}
