using System.Text.RegularExpressions;
using Connectors.Cli.Tests.Support;

namespace Connectors.Cli.Tests.Output;

/// <summary>
/// The JSON documents of the verbs are a contract (docs/cli.md): these golden files fail when a
/// property is renamed, dropped, added or reordered, so a change to the schema is always deliberate.
/// </summary>
public sealed partial class JsonSchemaTests : IDisposable
{
    private readonly CliWorkspace _workspace = new() { Now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero) };
    private readonly List<(string Actual, string RelativePath)> _snapshots = [];

    [Fact]
    public async Task Verbs_keep_their_documented_json_shape()
    {
        var token = _workspace.Write("token.txt", "not-a-real-token");
        var ca = _workspace.Write("ca.crt", TestCertificates.CaPem);
        await Capture("register.json", "register", "kube-prod", "--server", "https://kube-prod.example.test:6443", "--token", "@" + token, "--certificate-authority", ca,
            "--namespace", "ml", "--label", "team=ml", "--expires-at", "2026-06-02T14:30:00Z", "--no-verify", "-o", "json");
        await Capture("list.json", "list", "-o", "json");
        await Capture("describe.json", "describe", "kube-prod", "-o", "json");
        await Capture("describe.yaml", "describe", "kube-prod", "-o", "yaml");
        await Capture("list-types.json", "list-types", "-o", "json");
        await Capture("update.json", "update", "kube-prod", "--cluster-name", "prod", "--no-verify", "-o", "json");

        Snapshot.MatchAll(_snapshots);
    }

    private async Task Capture(string snapshot, params string[] args)
    {
        var result = await _workspace.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        _snapshots.Add((Normalize(result.Output), Path.Combine("Json", snapshot)));
    }

    private string Normalize(string text)
    {
        text = text.Replace(_workspace.Root, "<root>", StringComparison.Ordinal);
        text = UserSecretsId().Replace(text, "<user-secrets-id>");

        // The certificate is generated per run: its expiry date varies.
        return CertificateExpiry().Replace(text, "(until <date>)");
    }

    public void Dispose() => _workspace.Dispose();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex UserSecretsId();

    [GeneratedRegex(@"\(until \d{4}-\d{2}-\d{2}\)")]
    private static partial Regex CertificateExpiry();
}
