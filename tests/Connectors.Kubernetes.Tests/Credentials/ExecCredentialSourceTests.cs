using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Credentials;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Tests.Login;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Kubernetes.Tests.Credentials;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the plugins are shell scripts
public sealed class ExecCredentialSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    private ExecCredentialSource Create(KubernetesExecConfig exec, TimeSpan? timeout = null) =>
        new(exec, null, timeout ?? TimeSpan.FromSeconds(30), _time, NullLogger.Instance);

    private static string Header(KubernetesCredential credential) => credential.ToAuthorizationHeader()!.ToString();

    [SkippableFact]
    public async Task The_plugin_runs_once_and_again_only_shortly_before_the_token_expires()
    {
        await File.WriteAllTextAsync(_temp.File("expiry"), "2030-01-01T01:00:00Z");
        using var source = Create(ExecPluginScripts.Counting(_temp));

        var first = await source.GetAsync(default);
        await source.GetAsync(default);
        _time.Advance(TimeSpan.FromMinutes(59));
        var stillFirst = await source.GetAsync(default);

        Assert.Equal("Bearer tok-1", Header(first));
        Assert.Equal("Bearer tok-1", Header(stillFirst));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 1, 0, 0, TimeSpan.Zero), first.ExpiresAt);
        Assert.Equal(1, ExecPluginScripts.Runs(_temp));

        _time.Advance(TimeSpan.FromSeconds(55)); // within the renewal margin before 01:00
        Assert.Equal("Bearer tok-2", Header(await source.GetAsync(default)));
        Assert.Equal(2, ExecPluginScripts.Runs(_temp));
    }

    [Fact]
    public async Task The_plugin_is_told_it_may_not_prompt()
    {
        using var source = Create(ExecPluginScripts.Counting(_temp));
        await source.GetAsync(default);

        var info = await File.ReadAllTextAsync(_temp.File("exec-info"));
        Assert.Contains("\"kind\":\"ExecCredential\"", info);
        Assert.Contains("\"interactive\":false", info);
        Assert.Contains(ExecPluginScripts.ApiVersion, info);
    }

    [Fact]
    public async Task A_401_reruns_the_plugin_and_concurrent_requests_share_one_run()
    {
        using var source = Create(ExecPluginScripts.Counting(_temp));
        var rejected = await source.GetAsync(default);

        var refreshed = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => source.RefreshAsync(rejected, default).AsTask()));

        Assert.All(refreshed, r => Assert.Equal("Bearer tok-2", Header(r!)));
        Assert.Equal(2, ExecPluginScripts.Runs(_temp));
    }

    [Fact]
    public async Task A_failing_plugin_gives_a_coded_error_without_its_standard_output()
    {
        using var source = Create(ExecPluginScripts.Script(_temp, "echo 'half-issued-secret'; exit 3"));

        var error = await Assert.ThrowsAnyAsync<KubernetesConnectorException>(async () => await source.GetAsync(default));

        Assert.Equal(KubernetesErrorCodes.ExecPluginFailed, error.Code);
        Assert.Contains("code 3", error.Message);
        Assert.DoesNotContain("half-issued-secret", error.Message);
    }

    [Theory]
    [InlineData("echo 'not json secret-ish'", "not JSON")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\"}}'", "apiVersion")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'", "neither a token")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\",\"expirationTimestamp\":\"soon\"}}'", "RFC 3339")]
    public async Task Unusable_output_is_a_coded_error_that_says_what_is_wrong(string body, string reason)
    {
        using var source = Create(ExecPluginScripts.Script(_temp, body));

        var error = await Assert.ThrowsAnyAsync<KubernetesConnectorException>(async () => await source.GetAsync(default));

        Assert.Equal(KubernetesErrorCodes.ExecPluginInvalidOutput, error.Code);
        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain("secret-ish", error.Message);
    }

    [Fact]
    public async Task A_plugin_that_issues_a_client_certificate_instead_of_a_token_is_refused_clearly()
    {
        var (certificate, key) = TestPem.CertificateWithKey();
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            apiVersion = ExecPluginScripts.ApiVersion,
            kind = "ExecCredential",
            status = new { clientCertificateData = certificate, clientKeyData = key },
        });
        await File.WriteAllTextAsync(_temp.File("credential.json"), json);
        using var source = Create(ExecPluginScripts.Script(_temp, $"cat '{_temp.File("credential.json")}'"));

        var error = await Assert.ThrowsAnyAsync<KubernetesConnectorException>(async () => await source.GetAsync(default));

        Assert.Equal(KubernetesErrorCodes.ExecPluginInvalidOutput, error.Code);
        Assert.Contains("instead of a token", error.Message);
        Assert.DoesNotContain(key.Split('\n')[1], error.Message);
    }

    [Fact]
    public async Task A_missing_plugin_is_a_coded_error_that_says_to_install_it()
    {
        using var source = Create(new KubernetesExecConfig { Command = _temp.File("no-such-plugin"), ApiVersion = ExecPluginScripts.ApiVersion });

        var error = await Assert.ThrowsAnyAsync<KubernetesConnectorException>(async () => await source.GetAsync(default));

        Assert.Equal(KubernetesErrorCodes.ExecPluginFailed, error.Code);
        Assert.Contains("Install", error.Message);
    }

    [Fact]
    public async Task A_hanging_plugin_is_stopped_at_the_timeout()
    {
        using var source = Create(ExecPluginScripts.Script(_temp, "sleep 30"), TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAnyAsync<KubernetesConnectorException>(async () => await source.GetAsync(default));

        Assert.Equal(KubernetesErrorCodes.ExecPluginTimedOut, error.Code);
    }
}
