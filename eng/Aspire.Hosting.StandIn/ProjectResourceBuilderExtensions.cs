using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class ProjectResourceBuilderExtensions
{
    // Faithful to Aspire as far as the model goes: a ProjectResource carrying the project's metadata as an annotation.
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, [ResourceName] string name) where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);
        return builder.AddResource(new ProjectResource(name)).WithAnnotation(new TProject());
    }
}
