using System.Text.Json;
using Connectors.Kubernetes;
using Connectors.Kubernetes.Testing;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Canaries;

/// <summary>
/// Injected clients with canary secrets (a token, a password, a client key generated now, a wrong token,
/// tokens in connections that fail validation) go through start-up, real requests to the loopback
/// server, verify, health checks, describe, a 401 and start-up validation failures — with Trace logging
/// and every activity and measurement captured. No canary may show anywhere.
/// </summary>
public sealed class RuntimeCanaryTests(ITestOutputHelper output)
{
    private static string Format(LoopbackKubernetesServer server, string name, Func<KubernetesConnectorSpec, KubernetesConnectorSpec> credentials) =>
        KubernetesConnectionString.Format(credentials(new KubernetesConnectorSpec
        {
            Name = name,
            Server = server.Url.GetLeftPart(UriPartial.Authority),
            ClusterName = "loopback",
            CertificateAuthorityData = server.CertificateAuthorityPem,
            Namespace = "default",
        }));

    private static (HostApplicationBuilder Builder, CapturingLoggerProvider Logs) Builder(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new CapturingLoggerProvider();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        return (builder, logs);
    }

    [Fact]
    public async Task Start_up_requests_verify_health_describe_401_and_validation_failures_never_show_a_canary()
    {
        var sweep = new CanarySweep(output);
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var telemetry = new TelemetrySink();
        var token = sweep.Token("token");
        var password = sweep.Token("password");
        var wrong = sweep.Token("wrong token");
        server.Identities.AddToken("canary-token-user", token);
        server.Identities.AddBasic("canary-basic-user", password);
        var certificateUser = server.Identities.AddClientCertificate("canary-certificate-user");
        sweep.Watch("client key", certificateUser.ClientKeyPem!, certificateUser.ClientCertificatePem);

        var connections = new Dictionary<string, string?>
        {
            ["ConnectionStrings:kube-token"] = Format(server, "kube-token", s => s with { Token = new SecretValue(token) }),
            ["ConnectionStrings:kube-basic"] = Format(server, "kube-basic", s => s with
            {
                AuthMethod = KubernetesAuthMethod.Password,
                Username = new SecretValue("canary-basic-user"),
                Password = new SecretValue(password),
            }),
            ["ConnectionStrings:kube-cert"] = Format(server, "kube-cert", s => s with
            {
                ClientCertificateData = certificateUser.ClientCertificatePem,
                ClientKeyData = new SecretValue(certificateUser.ClientKeyPem!),
            }),
            ["ConnectionStrings:kube-wrong"] = Format(server, "kube-wrong", s => s with { Token = new SecretValue(wrong) }),

            // Allowed with a warning; the client refuses to send the token when a request is made.
            ["ConnectionStrings:kube-http"] = $"Server=http://127.0.0.1:1;Token={sweep.Token("token for an http server")}",
        };
        var (builder, logs) = Builder(connections);
        foreach (var name in new[] { "kube-token", "kube-basic", "kube-cert", "kube-wrong", "kube-http" })
        {
            builder.AddKubernetesConnectorClient(name);
        }

        using (var host = builder.Build())
        {
            await host.StartAsync();
            foreach (var name in new[] { "kube-token", "kube-basic", "kube-cert" })
            {
                // The secrets are really used: the requests succeed as the canary identities.
                var client = host.Services.GetRequiredKeyedService<IKubernetes>(name);
                var namespaces = await client.CoreV1.ListNamespaceAsync();
                Assert.NotEmpty(namespaces.Items);
                await ScanConnectorAsync(sweep, host, name, expectSuccess: true);
            }

            var refused = await Assert.ThrowsAsync<HttpOperationException>(() => host.Services.GetRequiredKeyedService<IKubernetes>("kube-wrong").CoreV1.ListNamespaceAsync());
            Assert.Equal(401, (int)refused.Response.StatusCode);
            sweep.ScanText("401 exception", refused.ToString());
            sweep.ScanText("401 response", refused.Response.Content);
            sweep.ScanText("401 request", refused.Request?.Content + " " + refused.Request?.RequestUri);
            await ScanConnectorAsync(sweep, host, "kube-wrong", expectSuccess: false);

            var plain = await Assert.ThrowsAnyAsync<Exception>(() => host.Services.GetRequiredKeyedService<IKubernetes>("kube-http").CoreV1.ListNamespaceAsync());
            sweep.ScanText("http refusal", plain.ToString());
            await ScanConnectorAsync(sweep, host, "kube-http", expectSuccess: false);

            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Unhealthy, health.Entries.Single(e => e.Key.Contains("kube-wrong", StringComparison.Ordinal)).Value.Status);
            foreach (var (key, entry) in health.Entries)
            {
                sweep.ScanText("health " + key, $"{entry.Status} {entry.Description} {entry.Exception} {string.Join(' ', entry.Data.Select(d => d.Key + "=" + d.Value))}");
            }

            await host.StopAsync();
        }

        sweep.ScanText("logs", logs.Text);

        // Start-up validation failures: the connections hold canaries in fields that are refused.
        var refusedAtStart = new Dictionary<string, string>
        {
            ["kube-both"] = $"Server=https://127.0.0.1:1;InsecureSkipTlsVerify=true;CertificateAuthorityData=bm90LWEtY2E=;Token={sweep.Token("token with insecure and CA")}",
            ["kube-quote"] = $"Server='https://127.0.0.1:1;Token={sweep.Token("token inside an open quote")};Namespace=ml",
            ["kube-flag"] = $"Server=https://127.0.0.1:1;InsecureSkipTlsVerify=maybe;Token={sweep.Token("token next to a bad boolean")}",
            ["kube-key"] = $"Server=https://127.0.0.1:1;Token={sweep.Token("token with a half key")};ClientCertificateData=bm90;ClientKeyData={Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificateUser.ClientKeyPem!))}",
        };
        foreach (var (name, connection) in refusedAtStart)
        {
            var (failing, failingLogs) = Builder(new Dictionary<string, string?> { ["ConnectionStrings:" + name] = connection });
            failing.AddKubernetesConnectorClient(name);
            Exception? error = null;
            try
            {
                using var host = failing.Build();
                await host.StartAsync();
                _ = host.Services.GetRequiredKeyedService<IKubernetes>(name);
            }
            catch (Exception e)
            {
                error = e;
            }

            Assert.True(error is not null, $"{name} started");
            Assert.Contains("KC1", error.ToString(), StringComparison.Ordinal);
            sweep.ScanText($"{name} start-up failure", error.ToString());
            for (var inner = error; inner is not null; inner = inner.InnerException)
            {
                sweep.ScanText($"{name} {inner.GetType().Name} message", inner.Message);
                sweep.ScanText($"{name} {inner.GetType().Name} data", string.Join(' ', inner.Data.Keys.Cast<object>().Select(k => k + "=" + inner.Data[k])));
            }

            sweep.ScanText($"{name} logs", failingLogs.Text);
        }

        Assert.True(telemetry.Activities > 0 && telemetry.Measurements > 0, "no telemetry was captured");
        sweep.ScanText("telemetry", telemetry.Text);
        output.WriteLine($"{logs.Entries} log entries at Trace, {telemetry.Activities} activities, {telemetry.Measurements} measurements");
        sweep.AssertNoHits("runtime");
    }

    private static async Task ScanConnectorAsync(CanarySweep sweep, IHost host, string name, bool expectSuccess)
    {
        var connector = host.Services.GetRequiredKeyedService<IKubernetesConnector>(name);
        var result = await connector.VerifyAsync();
        Assert.Equal(expectSuccess, result.Succeeded);
        sweep.ScanText(name + " verify", result.ToString());
        sweep.ScanText(name + " verify json", JsonSerializer.Serialize(result));
        var description = connector.Describe();
        sweep.ScanText(name + " describe", description.ToString());
        sweep.ScanText(name + " describe json", JsonSerializer.Serialize(description));
        sweep.ScanText(name + " connector", connector.ToString());
    }
}
