using System.Runtime.CompilerServices;

namespace Connectors.Kubernetes.Hosting.Tests.Support;

/// <summary>
/// Golden files under <c>Snapshots/</c>, compared line by line. <c>UPDATE_SNAPSHOTS=1</c> rewrites them and
/// fails the test, so update mode can never pass in CI.
/// </summary>
internal static class Snapshot
{
    public static void Match(string relativePath, string actual, [CallerFilePath] string callerFile = "")
    {
        var root = Path.GetDirectoryName(callerFile)!;
        while (!File.Exists(Path.Combine(root, "Connectors.Kubernetes.Hosting.Tests.csproj")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var path = Path.Combine(root, "Snapshots", relativePath);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            Assert.Fail("Snapshot " + relativePath + " was rewritten (UPDATE_SNAPSHOTS=1); run again without it.");
        }

        Assert.True(File.Exists(path), "Snapshot " + relativePath + " is missing; run with UPDATE_SNAPSHOTS=1 to create it.");
        var expectedLines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expected = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var got = i < actualLines.Length ? actualLines[i] : "<end of file>";
            Assert.True(expected == got, $"Snapshot {relativePath} differs at line {i + 1}:\n expected: {expected}\n actual:   {got}");
        }
    }
}
