namespace Aspire.Hosting.ApplicationModel;

public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public virtual string Name { get; }

    public virtual ResourceAnnotationCollection Annotations { get; } = new();
}
