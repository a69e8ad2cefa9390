namespace Connectors.Kubernetes.Generators.Tests.Infrastructure;

/// <summary>Locates the repository (the directory holding Connectors.sln) from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Connectors.sln")))
        {
            directory = Path.GetDirectoryName(directory.TrimEnd(Path.DirectorySeparatorChar));
        }

        return directory ?? throw new InvalidOperationException("Connectors.sln not found above " + AppContext.BaseDirectory);
    }
}
