using System.Text;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Canaries;

/// <summary>
/// Unique secret values for one sweep, and the scan that must never find them: every string and file
/// handed to it is searched (as UTF-8 bytes) for each canary. A PEM key counts as found when any line of
/// its base64 body is found, so a key echoed in part, or re-wrapped, still shows.
/// </summary>
internal sealed class CanarySweep(ITestOutputHelper output)
{
    private readonly List<(string Label, string[] Needles)> _canaries = [];
    private readonly List<string> _hits = [];
    private long _bytes;
    private int _texts;
    private int _files;

    /// <summary>A token-like canary (letters, digits and '-': valid as a bearer token, a password, a user name).</summary>
    public string Token(string label)
    {
        var value = "canary-" + Guid.NewGuid().ToString("N");
        _canaries.Add((label, [value]));
        return value;
    }

    /// <summary>
    /// Watches an existing secret (a key generated at test time, a token the loopback server issued). A
    /// private key's PEM ends with its public key, which its certificate carries too: body lines that
    /// <paramref name="publicPart"/> (the certificate) contains are not secret and are left out.
    /// </summary>
    public void Watch(string label, string value, string? publicPart = null)
    {
        string[] needles = value.Contains("-----BEGIN", StringComparison.Ordinal)
            ? [.. value.Split('\n').Select(l => l.Trim())
                .Where(l => l.Length >= 16 && !l.StartsWith("-----", StringComparison.Ordinal))
                .Where(l => publicPart is null || !publicPart.Replace("\n", string.Empty, StringComparison.Ordinal).Contains(l, StringComparison.Ordinal)),
                Convert.ToBase64String(Encoding.UTF8.GetBytes(value))]
            : [value];
        Assert.True(needles.Length >= 2 || !value.Contains("-----BEGIN", StringComparison.Ordinal), "no private line left to watch");
        _canaries.Add((label, needles));
    }

    public void ScanText(string where, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        _texts++;
        _bytes += Encoding.UTF8.GetByteCount(text);
        foreach (var (label, needles) in _canaries)
        {
            if (needles.Any(n => text.Contains(n, StringComparison.Ordinal)))
            {
                _hits.Add($"{label} in {where}");
            }
        }
    }

    /// <summary>Scans the raw bytes of a file (binary files too: a secret in a .dll or a cache is a hit).</summary>
    public void ScanFile(string path, string? where = null)
    {
        var bytes = File.ReadAllBytes(path);
        _files++;
        _bytes += bytes.Length;
        foreach (var (label, needles) in _canaries)
        {
            if (needles.Any(n => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(n)) >= 0))
            {
                _hits.Add($"{label} in {where ?? path}");
            }
        }
    }

    /// <summary>Scans every file under <paramref name="directory"/> except those <paramref name="allowed"/> says may hold secrets.</summary>
    public int ScanDirectory(string directory, Func<string, bool>? allowed = null)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            if (allowed?.Invoke(file) != true)
            {
                ScanFile(file);
                count++;
            }
        }

        return count;
    }

    /// <summary>Zero hits, asserted; the figures go to the test output (docs/reliability.md quotes them).</summary>
    public void AssertNoHits(string path)
    {
        output.WriteLine($"canary sweep {path}: {_canaries.Count} canaries, {_texts} texts and {_files} files scanned, {_bytes:N0} bytes, {_hits.Count} hits");
        Assert.True(_canaries.Count > 0, "no canaries");
        Assert.True(_hits.Count == 0, "canary hits:\n" + string.Join('\n', _hits));
    }

    /// <summary>For checks that a canary does reach the one place it belongs (a sweep that never saw its secret in use proves nothing).</summary>
    public static bool Holds(string text, string canary) => text.Contains(canary, StringComparison.Ordinal);
}
