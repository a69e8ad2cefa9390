using System.Runtime.CompilerServices;

namespace Connectors.Cli.Tests.Support;

/// <summary>
/// Golden files under <c>Snapshots/</c>, checked in. A mismatch fails with the first differing line;
/// <c>UPDATE_SNAPSHOTS=1</c> rewrites the file and fails, so update mode can never pass.
/// </summary>
public static class Snapshot
{
    /// <summary>Checks several snapshots; in update mode all are rewritten before the one failure.</summary>
    public static void MatchAll(IReadOnlyList<(string Actual, string RelativePath)> snapshots, [CallerFilePath] string callerFile = "")
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            foreach (var (actual, relativePath) in snapshots)
            {
                var path = PathOf(relativePath, callerFile);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, actual.ReplaceLineEndings("\n"));
            }

            Assert.Fail($"{snapshots.Count} snapshots rewritten (UPDATE_SNAPSHOTS=1); run again without it.");
        }

        foreach (var (actual, relativePath) in snapshots)
        {
            Match(actual, relativePath, callerFile);
        }
    }

    public static void Match(string actual, string relativePath, [CallerFilePath] string callerFile = "")
    {
        var path = PathOf(relativePath, callerFile);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            Assert.Fail($"Snapshot {relativePath} rewritten (UPDATE_SNAPSHOTS=1); run again without it.");
        }

        Assert.True(File.Exists(path), $"Snapshot {relativePath} does not exist; run with UPDATE_SNAPSHOTS=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                Assert.Fail($"Snapshot {relativePath} differs at line {i + 1}:\n  expected: {e}\n  actual:   {a}");
            }
        }
    }

    private static string PathOf(string relativePath, string callerFile)
    {
        var folder = Path.GetDirectoryName(callerFile)!;
        while (!File.Exists(Path.Combine(folder, "Connectors.Cli.Tests.csproj")))
        {
            folder = Path.GetDirectoryName(folder)!;
        }

        return Path.Combine(folder, "Snapshots", relativePath);
    }
}
