using System.Runtime.CompilerServices;

namespace Connectors.Kubernetes.Generators.Tests.Infrastructure;

/// <summary>
/// Golden files: the expected output of test T for hint H lives at Snapshots/T/H.txt in the source tree.
/// The set of files must equal the set of generated hints and each file must match line by line.
/// UPDATE_SNAPSHOTS=1 rewrites the files and then fails, so update mode can never pass in CI.
/// </summary>
internal static class Snapshots
{
    public static void Verify(IReadOnlyDictionary<string, string> generated, [CallerMemberName] string test = "", [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(FindProjectDirectory(callerFile), "Snapshots", test);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var (hint, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, hint + ".txt"), Normalize(text));
            }

            Assert.Fail($"UPDATE_SNAPSHOTS=1: rewrote {generated.Count} golden file(s) in {directory}; run again without it.");
        }

        var expectedHints = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.txt").Select(path => Path.GetFileNameWithoutExtension(path)).Order(StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();
        Assert.Equal(expectedHints, generated.Keys.Order(StringComparer.Ordinal).ToArray());

        foreach (var (hint, text) in generated)
        {
            var expected = Normalize(File.ReadAllText(Path.Combine(directory, hint + ".txt"))).Split('\n');
            var actual = Normalize(text).Split('\n');
            for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
            {
                var want = i < expected.Length ? expected[i] : "<end of file>";
                var got = i < actual.Length ? actual[i] : "<end of file>";
                if (!string.Equals(want, got, StringComparison.Ordinal))
                {
                    Assert.Fail($"{test}/{hint}: line {i + 1} differs.\n expected: {want}\n   actual: {got}\n(UPDATE_SNAPSHOTS=1 rewrites the golden files.)");
                }
            }
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

    private static string FindProjectDirectory(string callerFile)
    {
        var directory = Path.GetDirectoryName(callerFile);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Connectors.Kubernetes.Generators.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("Cannot find the test project directory from " + callerFile);
    }
}
