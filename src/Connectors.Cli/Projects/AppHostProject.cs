using Connectors.Kubernetes.Items;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Secrets;

namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>The app host project: its connector declarations and its user secrets.</summary>
internal sealed class AppHostProject
{
    private AppHostProject(ProjectFile file) => File = file;

    /// <summary>The project file as it is now.</summary>
    public ProjectFile File { get; private set; }

    /// <summary>The folder relative paths in declarations are resolved against.</summary>
    public string Directory => Path.GetDirectoryName(File.Path)!;

    /// <summary>The connector declarations, in document order.</summary>
    public IReadOnlyList<ConnectorItem> Connectors =>
        File.Items(ConnectorItemContract.ItemType).Select(element => new ConnectorItem(element)).ToList();

    /// <summary>The project's UserSecretsId, or null.</summary>
    public string? UserSecretsId => File.Property("UserSecretsId") is { Length: > 0 } id ? id : null;

    /// <summary>Loads the app host found from the current folder or <c>--project</c>.</summary>
    public static AppHostProject Load(CliContext context, string? projectOption) =>
        new(ProjectFile.Load(ProjectLocator.Locate(context, projectOption)));

    /// <summary>Locks the app host found from the current folder or <c>--project</c>, then loads it: the lock guards its project file and its user secrets until disposed.</summary>
    public static AppHostProject LoadForEdit(CliContext context, string? projectOption, out FileLock fileLock)
    {
        var path = ProjectLocator.Locate(context, projectOption);
        fileLock = FileLock.Acquire(path);
        try
        {
            return new AppHostProject(ProjectFile.Load(path));
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>Finds a connector by name (case-insensitive, as MSBuild compares item identities).</summary>
    public ConnectorItem? Find(string name) =>
        Connectors.FirstOrDefault(item => string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a connector or fails with KC5105.</summary>
    public ConnectorItem Get(string name) =>
        Find(name) ?? throw new CliException(
            CliDiagnostics.ConnectorNotFound,
            $"No connector named '{name}' is declared in {File.Path}.",
            Connectors.Count == 0
                ? $"Register one with: dotnet connector register {name} --type kubernetes ..."
                : $"Declared connectors: {string.Join(", ", Connectors.Select(c => c.Name))}. Run 'dotnet connector list' to see them.");

    /// <summary>Opens the project's user secrets; an empty store when the project has no UserSecretsId yet.</summary>
    public UserSecretsStore? OpenSecrets(CliContext context) =>
        UserSecretsId is { } id ? UserSecretsStore.Open(context.Environment, id) : null;

    /// <summary>Opens the project's user secrets, first giving the project a UserSecretsId when it has none (as <c>dotnet user-secrets init</c> does).</summary>
    public UserSecretsStore OpenOrInitSecrets(CliContext context)
    {
        if (UserSecretsId is null)
        {
            File = File.AddProperty("UserSecretsId", Guid.NewGuid().ToString());
        }

        return UserSecretsStore.Open(context.Environment, UserSecretsId!);
    }

    /// <summary>Replaces the project text (after an edit of <see cref="File"/>).</summary>
    public void Apply(ProjectFile edited) => File = edited;
}
