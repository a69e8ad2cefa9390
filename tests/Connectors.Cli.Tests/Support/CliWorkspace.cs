using Connectors.Kubernetes.Cli;
using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Cli.Tests.Support;

/// <summary>
/// A temp app host project with a private home and user-secrets root, and a way to run the tool
/// against it: in process (the root command with captured writers) or as a real process
/// (<c>dotnet dotnet-connector.dll</c>). Nothing outside the temp folder is touched.
/// </summary>
public sealed class CliWorkspace : IDisposable
{
    public const string MinimalProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- An app host written by hand: this comment and the blank line below must survive every edit. -->

          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Exe</OutputType>
          </PropertyGroup>
        </Project>

        """;

    private readonly TempFolder _folder = new();

    public CliWorkspace(string projectText = MinimalProject, string projectName = "AppHost")
    {
        AppHostFolder = _folder.Combine(projectName);
        Directory.CreateDirectory(AppHostFolder);
        ProjectPath = Path.Combine(AppHostFolder, projectName + ".csproj");
        File.WriteAllText(ProjectPath, projectText);
        Home = _folder.Combine("home");
        Directory.CreateDirectory(Home);
        // The standard place under the private HOME, so a real build of the project (the MSBuild task
        // reads $(HOME)/.microsoft/usersecrets) sees exactly what the tool wrote.
        SecretsRoot = Path.Combine(Home, ".microsoft", "usersecrets");
        Environment = new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            [UserSecretsStoreRootVariable] = SecretsRoot,
            ["KUBECONFIG"] = Path.Combine(Home, ".kube", "config"),
        };
    }

    public const string UserSecretsStoreRootVariable = "CONNECTORS_USER_SECRETS_ROOT";

    public string Root => _folder.Path;

    public string AppHostFolder { get; }

    public string ProjectPath { get; }

    public string Home { get; }

    public string SecretsRoot { get; }

    public Dictionary<string, string?> Environment { get; }

    /// <summary>What the test's prompt answers, in order; null means no terminal.</summary>
    public Queue<string>? PromptAnswers { get; set; }

    public DateTimeOffset? Now { get; set; }

    /// <summary>What the command reads from standard input (empty when null).</summary>
    public string? StandardInput { get; set; }

    public string ProjectText => File.ReadAllText(ProjectPath);

    public string Write(string relative, string text) => _folder.Write(relative, text);

    public string Combine(params string[] parts) => _folder.Combine(parts);

    /// <summary>The project's secrets.json text, or null when none was written.</summary>
    public string? SecretsText()
    {
        if (!Directory.Exists(SecretsRoot))
        {
            return null;
        }

        var files = Directory.GetFiles(SecretsRoot, "secrets.json", SearchOption.AllDirectories);
        return files.Length == 0 ? null : File.ReadAllText(files.Single());
    }

    /// <summary>Runs the tool in process with the app host folder as working directory (unless given).</summary>
    public async Task<CliResult> RunAsync(params string[] args) => await RunInAsync(AppHostFolder, args);

    public async Task<CliResult> RunInAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, workingDirectory, name => Environment.TryGetValue(name, out var value) ? value : null)
        {
            SecretPrompt = PromptAnswers is null ? null : new QueuePrompt(PromptAnswers),
            Width = 160,
            Time = Now is { } now ? new FixedTime(now) : TimeProvider.System,
            StandardInput = new StringReader(StandardInput ?? string.Empty),
        };
        var exit = await CliApplication.RunAsync(args, context);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _folder.Dispose();

    private sealed class QueuePrompt(Queue<string> answers) : ISecretPrompt
    {
        public string ReadSecret(string label) => answers.Dequeue();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
