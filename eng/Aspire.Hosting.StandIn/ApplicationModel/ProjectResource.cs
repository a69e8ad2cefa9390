namespace Aspire.Hosting.ApplicationModel;

// Declared with fewer of Aspire's interfaces (it also has IResourceWithArgs, IResourceWithEndpoints, IComputeResource, …).
public class ProjectResource : Resource, IResourceWithEnvironment, IResourceWithWaitSupport
{
    public ProjectResource(string name)
        : base(name)
    {
    }
}
