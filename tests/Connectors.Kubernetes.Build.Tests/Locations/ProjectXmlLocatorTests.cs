using Connectors.Kubernetes.Build.Locations;
using Connectors.Kubernetes.Build.Tests.Infrastructure;

namespace Connectors.Kubernetes.Build.Tests.Locations;

public sealed class ProjectXmlLocatorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Project => _directory.Write("app.csproj", """
        <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <ItemGroup>
            <KubernetesConnector Include="a" Server="https://a.example.test" />
            <KubernetesConnector Include=" b ; a "
                                 Server="https://b.example.test" />
            <KubernetesConnector Include="c">
              <Server>https://c.example.test</Server>
            </KubernetesConnector>
            <ProjectReference Include="..\lib\lib.csproj" />
          </ItemGroup>
        </Project>
        """);

    [Fact]
    public void Element_location_points_at_the_opening_bracket()
    {
        Assert.Equal(new SourceLocation(Project, 3, 5), new ProjectXmlLocator().Locate(Project, "KubernetesConnector", "a"));
    }

    [Fact]
    public void Occurrences_count_within_semicolon_lists_and_namespaced_files()
    {
        var file = Project;
        Assert.Equal(4, new ProjectXmlLocator().Locate(file, "KubernetesConnector", "a", occurrence: 1).Line);
        Assert.Equal(4, new ProjectXmlLocator().Locate(file, "KubernetesConnector", "b").Line);
    }

    [Fact]
    public void Metadata_location_points_at_the_attribute_or_child_element()
    {
        var file = Project;
        var locator = new ProjectXmlLocator();
        Assert.Equal(new SourceLocation(file, 5, 26), locator.Locate(file, "KubernetesConnector", "b", metadataName: "Server"));
        Assert.Equal(new SourceLocation(file, 7, 7), locator.Locate(file, "KubernetesConnector", "c", metadataName: "server"));
        Assert.Equal(new SourceLocation(file, 6, 5), locator.Locate(file, "KubernetesConnector", "c", metadataName: "Namespace"));
    }

    [Fact]
    public void Unknown_item_or_unreadable_file_degrades_to_the_file()
    {
        Assert.Equal(SourceLocation.FileOnly(Project), new ProjectXmlLocator().Locate(Project, "KubernetesConnector", "zzz"));
        var missing = Path.Combine(_directory.Path, "missing.csproj");
        Assert.Equal(SourceLocation.FileOnly(missing), new ProjectXmlLocator().Locate(missing, "KubernetesConnector", "a"));
    }

    [Fact]
    public void Project_reference_is_found_by_resolved_path_with_either_separator()
    {
        var file = Project;
        var target = Path.GetFullPath(Path.Combine(_directory.Path, "..", "lib", "lib.csproj"));
        Assert.Equal(new SourceLocation(file, 9, 5), new ProjectXmlLocator().LocateByPath(file, "ProjectReference", target));
    }
}
