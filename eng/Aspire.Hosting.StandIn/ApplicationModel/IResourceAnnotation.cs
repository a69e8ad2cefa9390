using System.Collections.ObjectModel;

namespace Aspire.Hosting.ApplicationModel;

public interface IResourceAnnotation
{
}

public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>
{
}

public enum ResourceAnnotationMutationBehavior
{
    Append,
    Replace,
}
