namespace Aspire.Hosting.ApplicationModel;

public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}
