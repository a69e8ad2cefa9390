using System.Runtime.CompilerServices;

namespace Connectors.Kubernetes.Tests.Support;

/// <summary>
/// Golden files under Snapshots/. UPDATE_SNAPSHOTS=1 rewrites the file and then fails, so update mode
/// can never pass in CI.
/// </summary>
internal static class Snapshot
{
    public static void Match(string relativePath, string actual, [CallerFilePath] string callerFile = "")
    {
        var projectDirectory = FindProjectDirectory(Path.GetDirectoryName(callerFile)!);
        var path = Path.Combine(projectDirectory, "Snapshots", relativePath);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            Assert.Fail("Snapshot " + relativePath + " was rewritten (UPDATE_SNAPSHOTS=1); run again without it.");
        }

        Assert.True(File.Exists(path), "Missing snapshot " + path + "; run with UPDATE_SNAPSHOTS=1 to create it.");
        var expectedLines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expected = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var line = i < actualLines.Length ? actualLines[i] : "<end of output>";
            Assert.True(expected == line, $"{relativePath} differs at line {i + 1}:\n expected: {expected}\n   actual: {line}");
        }
    }

    private static string FindProjectDirectory(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (directory.GetFiles("*.csproj").Length > 0)
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No test project above " + start);
    }
}
