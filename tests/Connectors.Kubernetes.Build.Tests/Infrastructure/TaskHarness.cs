using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Connectors.Kubernetes.Build.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="ValidateKubernetesConnectors"/> the way MSBuild would, against a project file
/// written in a temp folder, with a controlled environment and clock.
/// </summary>
internal sealed class TaskHarness : IDisposable
{
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public TaskHarness()
    {
        Directory = new TempDirectory();
        _environment["HOME"] = Directory.Path;
    }

    public TempDirectory Directory { get; }

    public DateTimeOffset Now { get; set; } = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public string? UserSecretsId { get; set; }

    public string? UserSecretsFile { get; set; }

    public List<ITaskItem> Requirements { get; } = [];

    /// <summary>Sets further task parameters before it runs.</summary>
    public Action<ValidateKubernetesConnectors>? Configure { get; set; }

    public List<ITaskItem> ProjectReferences { get; } = [];

    public void SetEnvironment(string name, string? value)
    {
        if (value is null)
        {
            _environment.Remove(name);
        }
        else
        {
            _environment[name] = value;
        }
    }

    /// <summary>
    /// Writes <paramref name="itemsXml"/> into a project file and runs the task on the items it declares
    /// (parsed from the XML the way MSBuild evaluates simple attribute and child metadata).
    /// </summary>
    public FakeBuildEngine Run(string itemsXml, string fileName = "app.csproj", bool checkSecrets = true, bool checkKubeconfig = true)
    {
        var projectFile = Directory.Write(fileName, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n" + itemsXml + "\n  </ItemGroup>\n</Project>\n");
        return RunOn(projectFile, ParseItems(projectFile), checkSecrets, checkKubeconfig);
    }

    public FakeBuildEngine RunOn(string projectFile, ITaskItem[] connectors, bool checkSecrets = true, bool checkKubeconfig = true)
    {
        var engine = new FakeBuildEngine();
        var task = new ValidateKubernetesConnectors
        {
            BuildEngine = engine,
            Connectors = connectors,
            ProjectFile = projectFile,
            UserSecretsId = UserSecretsId,
            UserSecretsFile = UserSecretsFile,
            CheckSecrets = checkSecrets,
            CheckKubeconfig = checkKubeconfig,
            Requirements = [.. Requirements],
            ProjectReferences = [.. ProjectReferences],
            Environment = name => _environment.GetValueOrDefault(name),
            Clock = () => Now,
        };
        Configure?.Invoke(task);
        var result = task.Execute();
        Assert.Equal(engine.Errors.Count == 0, result);
        return engine;
    }

    /// <summary>Items of the test project, as MSBuild would hand them to the task.</summary>
    public static ITaskItem[] ParseItems(string projectFile)
    {
        var document = System.Xml.Linq.XDocument.Load(projectFile);
        return document.Descendants("KubernetesConnector")
            .SelectMany(element => element.Attribute("Include")!.Value.Split(';').Select(include =>
            {
                var item = new TaskItem(include.Trim());
                foreach (var attribute in element.Attributes().Where(a => a.Name.LocalName != "Include"))
                {
                    item.SetMetadata(attribute.Name.LocalName, attribute.Value);
                }

                foreach (var child in element.Elements())
                {
                    item.SetMetadata(child.Name.LocalName, child.Value);
                }

                return (ITaskItem)item;
            }))
            .ToArray();
    }

    public void Dispose() => Directory.Dispose();
}
