using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

// Stand-in: implemented by the Projects.* classes Aspire's build writes for each ProjectReference of an app host.
// Aspire's interface has more members (IsFileBasedApp, LaunchSettings, SuppressBuild); ProjectPath is all AddProject needs here.
public interface IProjectMetadata : IResourceAnnotation
{
    string ProjectPath { get; }
}
