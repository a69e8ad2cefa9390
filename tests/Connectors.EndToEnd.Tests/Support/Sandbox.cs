using System.Collections;

namespace Connectors.EndToEnd.Tests.Support;

/// <summary>
/// A temp folder where projects are made the way a user makes them, cut off from this repository:
/// empty <c>Directory.Build.props/.targets</c>, central package management off, a <c>nuget.config</c> that
/// adds the local feed without clearing the machine's sources, a private HOME (user secrets, tool state)
/// holding a copy of the machine's NuGet configuration, and a private global packages folder that falls
/// back to the machine's (read-only) for third-party packages.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    private readonly Dictionary<string, string?> _environment;

    public Sandbox(LocalPackageFeed feed)
    {
        Feed = feed;
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "connectors-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Home);
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Build.targets", "<Project />\n");
        Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{System.IO.Path.Combine(Root, "packages")}" />
              </config>
              <packageSources>
                <add key="connectors-e2e" value="{feed.Path}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        // The machine's own NuGet sources (a mirror, say) stay in force under the private HOME.
        var machineConfig = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        if (File.Exists(machineConfig))
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Home, ".nuget", "NuGet"));
            File.Copy(machineConfig, System.IO.Path.Combine(Home, ".nuget", "NuGet", "NuGet.Config"));
        }

        _environment = CleanEnvironment();
        _environment["HOME"] = Home;
        _environment["DOTNET_CLI_HOME"] = Home;
        _environment["NUGET_PACKAGES"] = null;
    }

    public LocalPackageFeed Feed { get; }

    public string Root { get; }

    public string Home => System.IO.Path.Combine(Root, "home");

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public string Write(string relativePath, string content)
    {
        var path = Path(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void SetEnvironment(string name, string? value) => _environment[name] = value;

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/> (relative to the root).</summary>
    public Task<ProcessResult> DotnetAsync(string directory, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", arguments, Path(directory), _environment, TimeSpan.FromMinutes(5));

    /// <summary>Runs another program (kubectl, say) with the sandbox's environment in <paramref name="directory"/> (relative to the root).</summary>
    public Task<ProcessResult> RunAsync(string fileName, string directory, params string[] arguments) =>
        ProcessRunner.RunAsync(fileName, arguments, Path(directory), _environment, TimeSpan.FromMinutes(2));

    /// <summary><c>dotnet new {template} -o {name}</c> then <c>dotnet add package</c> for each package from the local feed.</summary>
    public async Task<string> NewProjectAsync(string template, string name, params string[] packages)
    {
        (await DotnetAsync(".", "new", template, "-o", name, "-n", name, "-f", "net10.0")).EnsureSuccess();
        foreach (var package in packages)
        {
            (await DotnetAsync(name, "add", "package", package, "--version", Feed.Version, "--source", Feed.Path)).EnsureSuccess();
        }

        return Path(name, name + ".csproj");
    }

    /// <summary>The test runner's environment minus what would leak into a user's build (MSBuild and test host state, kubeconfig, parameters).</summary>
    public static Dictionary<string, string?> CleanEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Parameters", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
                || name is "KUBECONFIG" or "DOTNET_HOST_PATH" or "TESTINGPLATFORM_DEFAULT_HOST")
            {
                environment[name] = null;
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        return environment;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
