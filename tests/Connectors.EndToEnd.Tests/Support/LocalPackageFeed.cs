using System.Globalization;

namespace Connectors.EndToEnd.Tests.Support;

/// <summary>
/// The shipped packages, packed once per test run into a temp folder feed under a version of their own
/// (<c>0.1.0-e2e.{stamp}</c>), so no NuGet cache anywhere can hold an older build under the same identity.
/// Packs with <c>--no-build</c> when the solution build already produced the Release outputs (as in
/// <c>eng/test.sh</c>), and builds them otherwise.
/// </summary>
public sealed class LocalPackageFeed : IAsyncLifetime
{
    /// <summary>The packed projects (under src/) and the package ids they produce.</summary>
    private static readonly (string Project, string PackageId)[] Packed =
    [
        ("Connectors.Kubernetes", "Connectors.Kubernetes"),
        ("Connectors.Kubernetes.Hosting", "Connectors.Kubernetes.Hosting"),
        ("Connectors.Kubernetes.Testing", "Connectors.Kubernetes.Testing"),
        ("Connectors.Cli", "dotnet-connector"),
    ];

    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "connectors-e2e-feed-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The folder holding the .nupkg files.</summary>
    public string Path => _root;

    /// <summary>The version every package of this run carries.</summary>
    public string Version { get; } = "0.1.0-e2e." + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var environment = Sandbox.CleanEnvironment();
        foreach (var (project, packageId) in Packed)
        {
            var csproj = Repository.File("src", project, project + ".csproj");
            string[] arguments = ["pack", csproj, "-c", "Release", "-o", _root, "-nologo", "-p:Version=" + Version, "-p:ContinuousIntegrationBuild=true"];
            var result = await ProcessRunner.RunAsync("dotnet", [.. arguments, "--no-build"], Repository.Root, environment, TimeSpan.FromMinutes(4));
            if (result.ExitCode != 0)
            {
                result = await ProcessRunner.RunAsync("dotnet", arguments, Repository.Root, environment, TimeSpan.FromMinutes(6));
            }

            result.EnsureSuccess();
            if (!File.Exists(System.IO.Path.Combine(_root, $"{packageId}.{Version}.nupkg")))
            {
                throw new InvalidOperationException($"Packing {project} did not produce {packageId}.{Version}.nupkg:{Environment.NewLine}{result.Output}");
            }
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }
}

/// <summary>Every end-to-end test shares one packed feed.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<LocalPackageFeed>
{
    public const string Name = "packages";
}
