using Connectors.Kubernetes.Hosting.Tests.Support;
using Connectors.Kubernetes.Kubeconfig;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Kubernetes.Hosting.Tests.Core;

/// <summary>The connector while the app host runs: start, state transitions, auto-configure, token file, verify.</summary>
public sealed class RuntimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly KubernetesAppHostConnector Dev =
        KubernetesAppHostConnector.Create("kube-dev").WithAutoConfigure(new KubernetesAutoConfigureRequest("kind-dev"));

    [Fact]
    public async Task A_declared_connector_goes_from_starting_to_running()
    {
        var connector = (KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test" }).WithTokenAuth();
        await using var runtime = new KubernetesConnectorRuntime();
        var states = new List<KubernetesConnectorState>();
        runtime.Changed += (_, e) => states.Add(e.Snapshot.Status.State);

        var snapshot = await runtime.StartAsync(connector, (name, _) => ValueTask.FromResult<string?>(name == "kube-prod-token" ? "abc" : null), CancellationToken.None);

        Assert.Equal([KubernetesConnectorState.Starting, KubernetesConnectorState.Running], states);
        Assert.Equal(KubernetesConnectorState.Running, snapshot.Status.State);
        Assert.Equal("abc", runtime.Settings?.Token?.Reveal());
        await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.StartAsync(connector, (_, _) => ValueTask.FromResult<string?>("x"), CancellationToken.None));
    }

    [Fact]
    public async Task Certificate_material_is_read_at_start_and_handed_out_as_base64_pem()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "ca.crt"), TestPems.CaPem);
        var connector = (KubernetesAppHostConnector.Create("kube-prod", directory.Path) with { Server = "https://kube-prod.example.test" })
            .WithCertificateAuthority(KubernetesConnectorInput.Material("ca.crt"));
        await using var runtime = new KubernetesConnectorRuntime();

        await runtime.StartAsync(connector, (_, _) => ValueTask.FromResult<string?>(null), CancellationToken.None);

        var value = await runtime.GetResolvedValueAsync(KubernetesConnectorKeys.CertificateAuthorityData, CancellationToken.None);
        Assert.Equal(TestPems.CaPem.Trim(), System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(value!)).Trim());
        Assert.Equal(TestPems.CaPem.Trim(), runtime.Settings!.CertificateAuthorityData!.Trim());
    }

    [Fact]
    public async Task A_short_lived_auto_configured_credential_reaches_components_as_a_token_file_kept_fresh()
    {
        using var directory = new TemporaryDirectory();
        var time = new FakeTimeProvider(Now);
        var lifts = 0;
        var options = new KubernetesConnectorRuntimeOptions
        {
            TimeProvider = time,
            TokenDirectory = directory.Path,
            AutoConfigure = (name, request, _) =>
            {
                lifts++;
                Assert.Equal("kube-dev", name);
                Assert.Equal("kind-dev", request.Context);
                return Task.FromResult(ExecLifted("exec-token-" + lifts, time.GetUtcNow().AddMinutes(15)));
            },
        };
        var runtime = new KubernetesConnectorRuntime(options);

        var snapshot = await runtime.StartAsync(Dev, (_, _) => throw new InvalidOperationException("no parameters"), CancellationToken.None);

        Assert.Equal(KubernetesConnectorState.Running, snapshot.Status.State);
        var tokenFile = Path.Combine(directory.Path, "kube-dev.token");
        Assert.Equal(tokenFile, runtime.TokenFile);
        Assert.Equal("exec-token-1", await File.ReadAllTextAsync(tokenFile));
        var connectionString = await runtime.GetResolvedValueAsync(KubernetesConnectionExpressions.ConnectionStringKey, CancellationToken.None);
        Assert.DoesNotContain("exec-token", connectionString, StringComparison.Ordinal);
        var parsed = KubernetesConnectionString.Parse("kube-dev", connectionString!);
        Assert.Equal(tokenFile, parsed.TokenFile);
        Assert.Null(parsed.Token);
        Assert.Equal("https://127.0.0.1:6443", parsed.Server);
        Assert.Equal(tokenFile, await runtime.GetResolvedValueAsync(KubernetesConnectorKeys.TokenFile, CancellationToken.None));
        Assert.Contains(snapshot.Properties, p => p.Name == KubernetesConnectorDashboard.TokenFile && p.Value == tokenFile);

        await Task.Delay(50);
        time.Advance(TimeSpan.FromMinutes(12));
        await WaitUntilAsync(() => File.ReadAllText(tokenFile) == "exec-token-2");

        await runtime.DisposeAsync();
        Assert.False(File.Exists(tokenFile));
    }

    [Fact]
    public async Task A_failing_refresh_turns_the_connector_unhealthy_and_a_later_success_running_again()
    {
        using var directory = new TemporaryDirectory();
        var time = new FakeTimeProvider(Now);
        var lifts = 0;
        var options = new KubernetesConnectorRuntimeOptions
        {
            TimeProvider = time,
            TokenDirectory = directory.Path,
            AutoConfigure = (_, _, _) => ++lifts == 2
                ? throw new KubernetesConnectorException("KC1300", "the exec plugin exited with code 1")
                : Task.FromResult(ExecLifted("t" + lifts, time.GetUtcNow().AddMinutes(10))),

            // The cluster accepts the credentials; what is under test is the refresh turning the resource degraded.
            Verify = (_, _) => Task.FromResult(new KubernetesConnectorVerification(true)),
        };
        await using var runtime = new KubernetesConnectorRuntime(options);
        var states = new List<KubernetesConnectorStatus>();
        runtime.Changed += (_, e) =>
        {
            lock (states)
            {
                states.Add(e.Snapshot.Status);
            }
        };
        await runtime.StartAsync(Dev, (_, _) => ValueTask.FromResult<string?>(null), CancellationToken.None);

        await Task.Delay(50);
        time.Advance(TimeSpan.FromMinutes(8));
        await WaitUntilAsync(() => runtime.Snapshot.Status.State == KubernetesConnectorState.Unhealthy);
        Assert.Equal("KC4104", runtime.Snapshot.Status.Code);
        Assert.Contains("KC1300", runtime.Snapshot.Status.Reason, StringComparison.Ordinal);
        var health = await new KubernetesConnectorRuntimeHealthCheck(runtime).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, health.Status);

        await Task.Delay(50);
        time.Advance(KubernetesTokenFileRefresher.FirstRetryDelay);
        await WaitUntilAsync(() => runtime.Snapshot.Status.State == KubernetesConnectorState.Running);
        lock (states)
        {
            Assert.Equal(
                [KubernetesConnectorState.Starting, KubernetesConnectorState.Running, KubernetesConnectorState.Unhealthy, KubernetesConnectorState.Running],
                states.Select(s => s.State));
        }
    }

    [Fact]
    public async Task A_long_lived_auto_configured_credential_is_handed_out_as_it_is()
    {
        var options = new KubernetesConnectorRuntimeOptions
        {
            AutoConfigure = (_, _, _) => Task.FromResult(new KubernetesConnectorSpec { Name = "kind-dev", Server = "https://127.0.0.1:6443", Token = new SecretValue("static") }),
        };
        await using var runtime = new KubernetesConnectorRuntime(options);

        await runtime.StartAsync(Dev with { Namespace = "jobs" }, (_, _) => ValueTask.FromResult<string?>(null), CancellationToken.None);

        Assert.Null(runtime.TokenFile);
        Assert.Equal("static", await runtime.GetResolvedValueAsync(KubernetesConnectorKeys.Token, CancellationToken.None));
        Assert.Equal("jobs", await runtime.GetResolvedValueAsync(KubernetesConnectorKeys.Namespace, CancellationToken.None));
        Assert.Equal("kube-dev", runtime.Settings!.Name);
    }

    [Fact]
    public async Task A_context_that_cannot_be_lifted_fails_to_start_with_KC4103_and_the_readers_code()
    {
        var options = new KubernetesConnectorRuntimeOptions
        {
            AutoConfigure = (_, _, _) => throw new KubernetesConnectorException("KC1204", "The context 'kind-dev' is not in the kubeconfig."),
        };
        await using var runtime = new KubernetesConnectorRuntime(options);

        var snapshot = await runtime.StartAsync(Dev, (_, _) => ValueTask.FromResult<string?>(null), CancellationToken.None);

        Assert.Equal(KubernetesConnectorState.FailedToStart, snapshot.Status.State);
        Assert.Equal("KC4103", snapshot.Status.Code);
        Assert.Contains("KC1204", snapshot.Status.Reason, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(async () => await runtime.GetResolvedValueAsync(KubernetesConnectionExpressions.ConnectionStringKey, CancellationToken.None));
        Assert.Equal("KC4103", error.Code);
        var verification = await runtime.VerifyAsync(CancellationToken.None);
        Assert.False(verification.Succeeded);
        Assert.Equal("KC4103", verification.Code);
    }

    [Fact]
    public async Task Verify_reports_the_identity_into_the_dashboard_and_failures_with_their_code()
    {
        var verifications = new Queue<KubernetesConnectorVerification>(
        [
            new KubernetesConnectorVerification(true, Identity: "system:serviceaccount:ml:orchestrator"),
            new KubernetesConnectorVerification(false, Code: "KC1401", Message: "The cluster refused the credentials (401)."),
        ]);
        var options = new KubernetesConnectorRuntimeOptions { Verify = (_, _) => Task.FromResult(verifications.Dequeue()) };
        await using var runtime = new KubernetesConnectorRuntime(options);
        var connector = KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test" };
        await runtime.StartAsync(connector, (_, _) => ValueTask.FromResult<string?>(null), CancellationToken.None);
        var check = new KubernetesConnectorRuntimeHealthCheck(runtime);

        var healthy = await check.CheckHealthAsync(new HealthCheckContext());
        var unhealthy = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("verified as system:serviceaccount:ml:orchestrator", healthy.Description);
        Assert.Contains(runtime.Snapshot.Properties, p => p.Name == KubernetesConnectorDashboard.Identity && p.Value == "system:serviceaccount:ml:orchestrator");
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.StartsWith("KC1401", unhealthy.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_login_runs_with_the_started_settings_and_its_failure_is_coded()
    {
        KubernetesConnectorSpec? loggedIn = null;
        var connector = (KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test", KubectlLogin = true }).WithTokenAuth();
        await using (var runtime = new KubernetesConnectorRuntime(new KubernetesConnectorRuntimeOptions { KubectlLogin = (spec, _) => { loggedIn = spec; return Task.CompletedTask; } }))
        {
            await runtime.StartAsync(connector, (_, _) => ValueTask.FromResult<string?>("abc"), CancellationToken.None);
            Assert.Equal("abc", loggedIn?.Token?.Reveal());
        }

        await using var failing = new KubernetesConnectorRuntime(new KubernetesConnectorRuntimeOptions
        {
            KubectlLogin = (_, _) => throw new KubernetesConnectorException("KC1500", "The kubeconfig is locked by another process."),
        });
        var snapshot = await failing.StartAsync(connector, (_, _) => ValueTask.FromResult<string?>("abc"), CancellationToken.None);
        Assert.Equal("KC4105", snapshot.Status.Code);
        Assert.Contains("KC1500", snapshot.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_kubectl_login_writes_the_started_settings_into_the_chosen_kubeconfig()
    {
        using var directory = new TemporaryDirectory();
        var kubeconfig = Path.Combine(directory.Path, "config");
        var connector = (KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test", Namespace = "ml", KubectlLogin = true }).WithTokenAuth();
        await using var runtime = new KubernetesConnectorRuntime(new KubernetesConnectorRuntimeOptions
        {
            KubectlLoginOptions = new Login.KubeconfigLoginOptions { KubeconfigPath = kubeconfig },
        });

        var snapshot = await runtime.StartAsync(connector, (_, _) => ValueTask.FromResult<string?>("login-token-7f3a"), CancellationToken.None);

        Assert.Equal(KubernetesConnectorState.Running, snapshot.Status.State);
        var selection = KubeconfigLoader.LoadExplicit(kubeconfig).Select(null);
        Assert.Equal("kube-prod.example.test", selection.Context.Name);
        Assert.Equal("https://kube-prod.example.test", selection.Cluster.Server);
        Assert.Equal("ml", selection.Context.Namespace);
        Assert.Equal("login-token-7f3a", selection.User?.Token?.Reveal());
    }

    [Fact]
    public async Task An_auto_configured_connector_logs_kubectl_in_with_the_lifted_credential_not_the_app_hosts_token_file()
    {
        using var directory = new TemporaryDirectory();
        var time = new FakeTimeProvider(Now);
        KubernetesConnectorSpec? loggedIn = null;
        await using var runtime = new KubernetesConnectorRuntime(new KubernetesConnectorRuntimeOptions
        {
            TimeProvider = time,
            TokenDirectory = directory.Path,
            AutoConfigure = (_, _, _) => Task.FromResult(ExecLifted("exec-token-1", time.GetUtcNow().AddMinutes(15))),
            KubectlLogin = (spec, _) =>
            {
                loggedIn = spec;
                return Task.CompletedTask;
            },
        });

        await runtime.StartAsync(Dev with { KubectlLogin = true }, (_, _) => ValueTask.FromResult<string?>(null), CancellationToken.None);

        Assert.NotNull(runtime.Settings!.TokenFile);
        Assert.NotNull(loggedIn);
        Assert.Null(loggedIn.TokenFile);
        Assert.NotNull(loggedIn.Exec);
        Assert.Equal("kube-dev", loggedIn.Name);
    }

    [Fact]
    public async Task The_default_verify_reports_an_unreachable_cluster_with_its_code()
    {
        using var refused = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        refused.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)); // bound, never listening: connections are refused
        var port = ((System.Net.IPEndPoint)refused.LocalEndPoint!).Port;
        var connector = (KubernetesAppHostConnector.Create("kube-dev") with { Server = "https://127.0.0.1:" + port }).WithTokenAuth();
        await using var runtime = new KubernetesConnectorRuntime();
        await runtime.StartAsync(connector, (_, _) => ValueTask.FromResult<string?>("unreachable-token-91b"), CancellationToken.None);

        var verification = await runtime.VerifyAsync(CancellationToken.None);

        Assert.False(verification.Succeeded);
        Assert.Equal(Clients.KubernetesClientErrorCodes.Unreachable, verification.Code);
        Assert.DoesNotContain("unreachable-token-91b", verification.Message, StringComparison.Ordinal);
    }

    private static KubernetesConnectorSpec ExecLifted(string token, DateTimeOffset expiresAt) => new()
    {
        Name = "kind-dev",
        Server = "https://127.0.0.1:6443",
        ClusterName = "kind-dev",
        Token = new SecretValue(token),
        ExpiresAt = expiresAt,
        Exec = new KubernetesExecConfig { Command = "kind-credential-helper", ApiVersion = "client.authentication.k8s.io/v1" },
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "The condition was not met within 5 seconds.");
    }
}
