using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>
/// Finds the project a command works on, the way <c>dotnet build</c> and <c>dotnet user-secrets</c>
/// do: the path given (a project file, or a folder holding exactly one), else the one project file in
/// the current folder.
/// </summary>
internal static class ProjectLocator
{
    public static string Locate(CliContext context, string? projectOption, string role = "app host")
    {
        if (projectOption is not null)
        {
            var path = context.ResolvePath(projectOption);
            if (File.Exists(path))
            {
                return path;
            }

            if (Directory.Exists(path))
            {
                return FindIn(path, role);
            }

            throw new CliException(
                CliDiagnostics.ProjectNotFound,
                $"The {role} project '{projectOption}' does not exist.",
                "Pass the path of a .csproj file or of the folder that holds it.");
        }

        return FindIn(context.WorkingDirectory, role);
    }

    private static string FindIn(string folder, string role)
    {
        var projects = Directory.GetFiles(folder, "*.csproj", SearchOption.TopDirectoryOnly);
        Array.Sort(projects, StringComparer.Ordinal);
        return projects.Length switch
        {
            1 => projects[0],
            0 => throw new CliException(
                CliDiagnostics.NoProjectFound,
                $"No project file was found in '{folder}'.",
                $"Run the command in the {role} project's folder, or pass --project <path to .csproj>."),
            _ => throw new CliException(
                CliDiagnostics.SeveralProjects,
                $"'{folder}' holds several project files ({string.Join(", ", projects.Select(Path.GetFileName))}).",
                "Choose one with --project <path to .csproj>."),
        };
    }
}
