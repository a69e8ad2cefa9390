using k8s;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Testing;
using Connectors.Kubernetes.Tests.Credentials;
using Connectors.Kubernetes.Tests.Login;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Kubernetes.Tests.Clients;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // exec plugins are shell scripts
public sealed class CredentialRefreshTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private LoopbackKubernetesServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackKubernetesServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private int[] StatusCodes() => [.. _server.Requests.Select(r => r.StatusCode)];

    [Fact]
    public async Task A_rotated_token_file_is_picked_up_on_the_401_and_the_request_retried_once()
    {
        var identity = _server.Identities.AddToken("rotating", rules: [LoopbackAccessRule.All]);
        var tokenFile = _temp.File("token");
        await identity.WriteTokenFileAsync(tokenFile);
        var spec = LoopbackSpecs.For(_server) with { Token = null, TokenFile = tokenFile };
        using var connector = KubernetesConnectorClient.Create(spec, new KubernetesConnectorClientOptions { TokenFileMinimumInterval = TimeSpan.FromHours(1) });
        await connector.Client.CoreV1.ListNamespaceAsync();

        identity.RotateToken();
        await identity.WriteTokenFileAsync(tokenFile);
        var namespaces = await connector.Client.CoreV1.ListNamespaceAsync();

        Assert.NotEmpty(namespaces.Items);
        Assert.Equal([200, 401, 200], StatusCodes());
    }

    [Fact]
    public async Task A_request_body_is_sent_again_on_the_retry()
    {
        var identity = _server.Identities.AddToken("rotating", rules: [LoopbackAccessRule.All]);
        var tokenFile = _temp.File("token");
        await identity.WriteTokenFileAsync(tokenFile);
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server) with { Token = null, TokenFile = tokenFile });
        await connector.Client.CoreV1.ListNamespaceAsync();
        identity.RotateToken();
        await identity.WriteTokenFileAsync(tokenFile);

        await connector.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new k8s.Models.V1ConfigMap { Metadata = new() { Name = "after-retry" }, Data = new Dictionary<string, string> { ["k"] = "v" } }, "default");

        Assert.Equal("v", (await connector.Client.CoreV1.ReadNamespacedConfigMapAsync("after-retry", "default")).Data["k"]);
        Assert.Equal([200, 401, 201, 200], StatusCodes());
    }

    [Fact]
    public async Task An_exec_plugin_is_run_again_before_its_token_expires_without_any_401()
    {
        var identity = _server.Identities.AddToken("exec-user", rules: [LoopbackAccessRule.All]);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var exec = TokenFromFilePlugin(identity.Token!, expiry: time.GetUtcNow().AddMinutes(10));
        using var connector = KubernetesConnectorClient.Create(
            LoopbackSpecs.For(_server) with { Token = null, Exec = exec },
            new KubernetesConnectorClientOptions { TimeProvider = time });
        await connector.Client.CoreV1.ListNamespaceAsync();
        await connector.Client.CoreV1.ListNamespaceAsync();
        Assert.Equal(1, ExecPluginScripts.Runs(_temp));

        // The server now accepts only the new token: without a re-run before the expiry this request would get a 401.
        await File.WriteAllTextAsync(_temp.File("token"), identity.RotateToken());
        await File.WriteAllTextAsync(_temp.File("expiry"), time.GetUtcNow().AddMinutes(30).ToString("O"));
        time.Advance(TimeSpan.FromMinutes(10));
        await connector.Client.CoreV1.ListNamespaceAsync();

        Assert.Equal(2, ExecPluginScripts.Runs(_temp));
        Assert.Equal([200, 200, 200], StatusCodes());
    }

    [Fact]
    public async Task An_exec_token_revoked_early_is_replaced_after_one_401()
    {
        var identity = _server.Identities.AddToken("exec-user", rules: [LoopbackAccessRule.All]);
        var exec = TokenFromFilePlugin(identity.Token!, expiry: null);
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server) with { Token = null, Exec = exec });
        await connector.Client.CoreV1.ListNamespaceAsync();

        await File.WriteAllTextAsync(_temp.File("token"), identity.RotateToken());
        await connector.Client.CoreV1.ListNamespaceAsync();

        Assert.Equal(2, ExecPluginScripts.Runs(_temp));
        Assert.Equal([200, 401, 200], StatusCodes());
    }

    [Fact]
    public async Task A_401_that_a_refresh_cannot_fix_is_returned_after_exactly_one_retry()
    {
        var identity = _server.Identities.AddToken("exec-user", rules: [LoopbackAccessRule.All]);
        var exec = TokenFromFilePlugin("a-token-the-server-never-issued", expiry: null);
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server, identity) with { Token = null, Exec = exec });

        await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => connector.Client.CoreV1.ListNamespaceAsync());

        // The plugin answered the same token again: nothing fresher, so no second request.
        Assert.Equal([401], StatusCodes());
        Assert.Equal(2, ExecPluginScripts.Runs(_temp));
    }

    [Fact]
    public async Task RefreshCredentialsAsync_reruns_the_plugin_on_demand()
    {
        var identity = _server.Identities.AddToken("exec-user", rules: [LoopbackAccessRule.All]);
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server) with { Token = null, Exec = TokenFromFilePlugin(identity.Token!, null) });
        await connector.Client.CoreV1.ListNamespaceAsync();

        await File.WriteAllTextAsync(_temp.File("token"), identity.RotateToken());
        Assert.True(await connector.RefreshCredentialsAsync());
        await connector.Client.CoreV1.ListNamespaceAsync();

        Assert.Equal([200, 200], StatusCodes());
    }

    // A plugin that prints the token in the file 'token' (and the expiry in 'expiry', if any).
    private KubernetesExecConfig TokenFromFilePlugin(string token, DateTimeOffset? expiry)
    {
        File.WriteAllText(_temp.File("token"), token);
        if (expiry is { } at)
        {
            File.WriteAllText(_temp.File("expiry"), at.ToString("O"));
        }

        var script = ExecPluginScripts.Script(_temp, """
            n=$(cat "$PLUGIN_DIR/runs" 2>/dev/null || echo 0); echo $((n+1)) > "$PLUGIN_DIR/runs"
            token=$(cat "$PLUGIN_DIR/token")
            expiry=$(cat "$PLUGIN_DIR/expiry" 2>/dev/null || true)
            if [ -n "$expiry" ]; then
              printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%s"}}' "$token" "$expiry"
            else
              printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}' "$token"
            fi
            """);
        return script with { Environment = [new("PLUGIN_DIR", _temp.Path)] };
    }
}
