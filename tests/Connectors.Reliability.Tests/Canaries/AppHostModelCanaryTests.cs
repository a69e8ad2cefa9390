using System.Text;
using System.Text.Json;
using Connectors.Kubernetes;
using Connectors.Kubernetes.Hosting;
using Connectors.Kubernetes.Testing;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Canaries;

/// <summary>
/// The Aspire-free app-host layer (declarations, manifest, connection expressions, the runtime with its
/// default verify, dashboard properties, states) with canary parameter values: a token, a password, a
/// client key generated now, a wrong token, and a token on a connector that fails to start. Only the
/// values of properties marked sensitive may hold a canary — and they must, or the dashboard would show
/// nothing useful.
/// </summary>
public sealed class AppHostModelCanaryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Manifest_expressions_dashboard_states_and_failures_hold_no_canary()
    {
        var sweep = new CanarySweep(output);
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = sweep.Token("token");
        var password = sweep.Token("password");
        var wrong = sweep.Token("wrong token");
        var refused = sweep.Token("token of a connector that fails to start");
        server.Identities.AddToken("canary-token-user", token);
        server.Identities.AddBasic("canary-basic-user", password);
        var certificateUser = server.Identities.AddClientCertificate("canary-certificate-user");
        sweep.Watch("client key", certificateUser.ClientKeyPem!, certificateUser.ClientCertificatePem);
        string Base64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));

        var url = server.Url.GetLeftPart(UriPartial.Authority);
        KubernetesAppHostConnector Declared(string name) =>
            (KubernetesAppHostConnector.Create(name) with { Server = url, ClusterName = "loopback", Namespace = "default" }).WithCertificateAuthority();
        var parameters = new Dictionary<string, string>
        {
            ["kube-token-token"] = token,
            ["kube-basic-username"] = "canary-basic-user",
            ["kube-basic-password"] = password,
            ["kube-cert-client-certificate"] = Base64(certificateUser.ClientCertificatePem!),
            ["kube-cert-client-key"] = Base64(certificateUser.ClientKeyPem!),
            ["kube-wrong-token"] = wrong,
            ["kube-broken-token"] = refused,
        };
        foreach (var name in new[] { "kube-token", "kube-basic", "kube-cert", "kube-wrong" })
        {
            parameters[name + "-certificate-authority"] = Base64(server.CertificateAuthorityPem);
        }

        parameters["kube-broken-certificate-authority"] = Base64("not a certificate " + refused);

        var connectors = new (KubernetesAppHostConnector Connector, bool Starts, bool Verifies)[]
        {
            (Declared("kube-token").WithTokenAuth(), true, true),
            (Declared("kube-basic").WithPasswordAuth(), true, true),
            (Declared("kube-cert").WithClientCertificate(), true, true),
            (Declared("kube-wrong").WithTokenAuth(), true, false),
            // Its CA parameter is not a certificate: refused at start, with the token already resolved.
            (Declared("kube-broken").WithTokenAuth(), false, false),
        };

        var sensitiveSeen = 0;
        foreach (var (connector, starts, verifies) in connectors)
        {
            var name = connector.Name;
            sweep.ScanText(name + " declaration", connector.ToString());
            sweep.ScanText(name + " manifest", KubernetesConnectorManifest.Render(connector));
            foreach (var mode in new[] { KubernetesConnectorHostMode.Run, KubernetesConnectorHostMode.Publish })
            {
                var expression = KubernetesConnectionExpressions.ConnectionString(connector, mode);
                sweep.ScanText($"{name} {mode} connection expression", expression.ToManifestExpression() + " " + expression);
                foreach (var (key, property) in KubernetesConnectionExpressions.Properties(connector, mode))
                {
                    sweep.ScanText($"{name} {mode} property expression {key}", property.ToManifestExpression() + " " + property);
                }
            }

            await using var runtime = new KubernetesConnectorRuntime();
            var snapshots = new List<KubernetesConnectorSnapshot>();
            runtime.Changed += (_, e) => snapshots.Add(e.Snapshot);
            var snapshot = await runtime.StartAsync(connector, (parameter, _) => ValueTask.FromResult(parameters.GetValueOrDefault(parameter)), CancellationToken.None);
            Assert.True(starts == (snapshot.Status.State == KubernetesConnectorState.Running), $"{name}: {snapshot.Status}");
            var verification = await runtime.VerifyAsync(CancellationToken.None);
            Assert.True(verifies == verification.Succeeded, $"{name}: {verification}");
            sweep.ScanText(name + " verification", verification.ToString() + " " + JsonSerializer.Serialize(verification));
            sweep.ScanText(name + " settings", runtime.Settings?.ToString());

            foreach (var seen in snapshots.Append(runtime.Snapshot))
            {
                sweep.ScanText($"{name} state", $"{seen.Status} {seen.Status.StateText} {seen.Status.Code} {seen.Status.Reason}");
                foreach (var property in seen.Properties)
                {
                    sweep.ScanText($"{name} property {property.Name}", property.ToString());
                    if (property.IsSensitive)
                    {
                        sensitiveSeen++;
                    }
                    else
                    {
                        sweep.ScanText($"{name} property {property.Name} value", property.Value);
                    }
                }
            }

            if (name == "kube-token")
            {
                // The canary did reach the sensitive values: the sweep is looking at live data.
                Assert.Contains(runtime.Snapshot.Properties, p => p.IsSensitive && p.Value.Contains(token, StringComparison.Ordinal));
                Assert.Equal(token, runtime.Settings?.Token?.Reveal());
            }
        }

        Assert.True(sensitiveSeen > 0);
        sweep.AssertNoHits("app-host model");
    }
}
