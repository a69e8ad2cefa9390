using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Tests.Support;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Kubernetes.Testing.Tests;

/// <summary>Fault injection, seen through the official client, raw HTTP and kubectl.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Latency_delays_every_request()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var client = Clients.Official(server);
        await client.Version.GetCodeAsync();
        server.Faults.Latency = TimeSpan.FromMilliseconds(400);
        var watch = Stopwatch.StartNew();
        await client.Version.GetCodeAsync();
        // A lower bound only, with room for timer granularity: the delay must be there, however slow the machine.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(350), $"took {watch.Elapsed}");
        server.Faults.Clear();
        Assert.Equal(TimeSpan.Zero, server.Faults.Latency);
    }

    [Fact]
    public async Task Connections_counts_accepted_sockets_open_ones_and_the_peak()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        Assert.Equal(0, server.Connections.Opened);
        using (var first = Clients.Raw(server, server.Identities.Admin.Token, version: HttpVersion.Version11))
        using (var second = Clients.Raw(server, server.Identities.Admin.Token, version: HttpVersion.Version11))
        {
            // Each client pools its connection: three requests each, one socket each.
            for (var i = 0; i < 3; i++)
            {
                (await first.GetAsync("/version")).Dispose();
                (await second.GetAsync("/version")).Dispose();
            }

            Assert.Equal(2, server.Connections.Opened);
            Assert.Equal(2, server.Connections.Open);
        }

        // Disposing the clients closes their sockets; the server notices shortly after.
        var deadline = Stopwatch.StartNew();
        while (server.Connections.Open != 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, server.Connections.Open);
        Assert.Equal(2, server.Connections.PeakOpen);
        Assert.Equal("2 opened, 0 open, peak 2", server.Connections.ToString());
    }

    [Fact]
    public async Task A_burst_of_5xx_answers_then_recovery()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var client = Clients.Official(server);
        server.Faults.FailNext(2, 503, pathPrefix: "/api/v1/namespaces");
        Assert.Equal(2, server.Faults.Pending);

        await client.Version.GetCodeAsync();
        for (var i = 0; i < 2; i++)
        {
            var failure = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespaceAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.Response.StatusCode);
            Assert.Equal("ServiceUnavailable", JsonNode.Parse(failure.Response.Content)!["reason"]!.GetValue<string>());
        }

        Assert.NotEmpty((await client.CoreV1.ListNamespaceAsync()).Items);
        Assert.Equal(0, server.Faults.Pending);
        Assert.Equal([503, 503, 200], server.Requests.Where(r => r.Path == "/api/v1/namespaces").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_connection_reset_fails_the_request_without_an_answer()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var raw = Clients.Raw(server, server.Identities.Admin.Token, version: HttpVersion.Version11);
        server.Faults.ResetNext(1);
        await Assert.ThrowsAsync<HttpRequestException>(() => raw.GetAsync("/version"));
        using var after = await raw.GetAsync("/version");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(server.Requests, r => r.Path == "/version" && r.StatusCode == 0);
    }

    [SkippableFact]
    public async Task A_mismatched_certificate_is_refused_by_clients_that_verify_the_host_name()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        server.Faults.ServeMismatchedCertificate = true;
        // KubernetesClient 21 does not check the host name when the kubeconfig has its own CA (its
        // chain callback ignores RemoteCertificateNameMismatch): this fault is what catches that.
        using (var verifying = Clients.Raw(server, server.Identities.Admin.Token))
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => verifying.GetAsync("/version"));
            Assert.IsType<System.Security.Authentication.AuthenticationException>(refused.InnerException);
        }

        if (Kubectl.IsAvailable)
        {
            using var temp = new TempDirectory();
            var kubeconfig = await server.WriteKubeconfigAsync(temp.File("config"));
            var refused = await Kubectl.RunAsync(kubeconfig, "get", "ns");
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("x509", refused.Error);
            Assert.Contains("failed to verify certificate", refused.Error);
        }

        server.Faults.ServeMismatchedCertificate = false;
        using var fresh = Clients.Official(server);
        Assert.Equal("v1.32.0", (await fresh.Version.GetCodeAsync()).GitVersion);
        Kubectl.SkipIfMissing();
    }

    [Fact]
    public async Task A_token_stops_working_at_its_expiry_time()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { TimeProvider = time });
        var shortLived = server.Identities.AddToken("ci", expiresAt: time.GetUtcNow().AddMinutes(10));
        using var client = Clients.Official(server, shortLived);
        Assert.NotEmpty((await client.CoreV1.ListNamespaceAsync()).Items);

        time.Advance(TimeSpan.FromMinutes(11));
        var expired = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespaceAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Response.StatusCode);

        shortLived.ExpiresAt = null;
        Assert.NotEmpty((await client.CoreV1.ListNamespaceAsync()).Items);
    }

    [SkippableFact]
    public async Task Rotating_a_token_rejects_the_old_value_and_a_token_file_picks_up_the_new_one()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var robot = server.Identities.AddToken("robot");
        using var temp = new TempDirectory();
        var tokenFile = temp.File("token");
        await robot.WriteTokenFileAsync(tokenFile);
        var oldToken = robot.Token!;
        using var before = Clients.Official(server, robot);
        Assert.NotEmpty((await before.CoreV1.ListNamespaceAsync()).Items);

        var newToken = robot.RotateToken();
        Assert.NotEqual(oldToken, newToken);
        var rejected = await Assert.ThrowsAsync<HttpOperationException>(() => before.CoreV1.ListNamespaceAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.Response.StatusCode);

        await robot.WriteTokenFileAsync(tokenFile);
        Assert.Equal(newToken, await File.ReadAllTextAsync(tokenFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }

        using var after = Clients.Official(server, robot);
        Assert.NotEmpty((await after.CoreV1.ListNamespaceAsync()).Items);

        // kubectl reads tokenFile (the official .NET client does not support it in a kubeconfig).
        Kubectl.SkipIfMissing();
        var fileBased = server.GetKubeconfig(robot) with { Token = null, TokenFile = tokenFile };
        var kubeconfig = await fileBased.WriteAsync(temp.File("config"));
        var whoami = await Kubectl.RunAsync(kubeconfig, "auth", "whoami");
        Assert.True(whoami.ExitCode == 0, whoami.Error);
        Assert.Matches(@"(?m)^Username\s+robot\s*$", whoami.Output);

        robot.RotateToken();
        var stale = await Kubectl.RunAsync(kubeconfig, "get", "ns");
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("You must be logged in to the server", stale.Error);
        await robot.WriteTokenFileAsync(tokenFile);
        var refreshed = await Kubectl.RunAsync(kubeconfig, "get", "ns");
        Assert.True(refreshed.ExitCode == 0, refreshed.Error);
    }
}
