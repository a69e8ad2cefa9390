namespace Aspire.Hosting.ApplicationModel;

public interface IResourceWithEnvironment : IResource
{
}
