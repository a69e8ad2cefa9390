namespace Aspire.Hosting.ApplicationModel;

public interface IResourceCollection : IList<IResource>
{
}
