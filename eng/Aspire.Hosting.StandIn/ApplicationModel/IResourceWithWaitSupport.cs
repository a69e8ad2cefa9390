namespace Aspire.Hosting.ApplicationModel;

public interface IResourceWithWaitSupport : IResource
{
}
