namespace Connectors.Kubernetes.Hosting.Tests.Core;

/// <summary>The dashboard property list and the state machine, Aspire-free.</summary>
public sealed class DashboardAndStatusTests
{
    private static readonly KubernetesAppHostConnector Prod = (KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test" }).WithTokenAuth();

    [Fact]
    public void Before_start_only_declared_settings_are_shown()
    {
        var properties = KubernetesConnectorDashboard.Properties(Prod, null, KubernetesConnectorStatus.NotStarted);

        Assert.Equal(
            [("kubernetes.server", "https://kube-prod.example.test"), ("kubernetes.authMethod", "token"), ("kubernetes.source", "declared")],
            properties.Select(p => (p.Name, p.Value)));
        Assert.All(properties, p => Assert.False(p.IsSensitive));
    }

    [Fact]
    public void After_start_secrets_are_sensitive_and_everything_else_is_plain()
    {
        var settings = new KubernetesConnectorSpec
        {
            Name = "kube-prod",
            Server = "https://kube-prod.example.test:6443",
            Token = new SecretValue("t0ken"),
            Namespace = "ml",
            ExpiresAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var properties = KubernetesConnectorDashboard.Properties(Prod, settings, new KubernetesConnectorStatus(KubernetesConnectorState.Running), identity: "system:serviceaccount:ml:orchestrator");

        var byName = properties.ToDictionary(p => p.Name);
        Assert.Equal("kube-prod.example.test", byName["kubernetes.clusterName"].Value);
        Assert.Equal("2030-01-01 00:00:00Z", byName["kubernetes.expiresAt"].Value);
        Assert.Equal("system:serviceaccount:ml:orchestrator", byName["kubernetes.identity"].Value);
        Assert.True(byName["kubernetes.token"].IsSensitive);
        Assert.True(byName["kubernetes.connectionString"].IsSensitive);
        Assert.Equal(["kubernetes.token", "kubernetes.connectionString"], properties.Where(p => p.IsSensitive).Select(p => p.Name));
        Assert.All(properties.Where(p => !p.IsSensitive), p => Assert.DoesNotContain("t0ken", p.Value, StringComparison.Ordinal));
        Assert.Equal("kubernetes.token = [HIDDEN]", byName["kubernetes.token"].ToString());
    }

    [Fact]
    public void A_failure_shows_its_coded_reason()
    {
        var failed = new KubernetesConnectorStatus(KubernetesConnectorState.Starting).MoveTo(KubernetesConnectorState.FailedToStart, "KC4103", "no such context");

        var error = Assert.Single(KubernetesConnectorDashboard.Properties(Prod, null, failed), p => p.Name == "kubernetes.error");
        Assert.Equal("KC4103: no such context", error.Value);
    }

    [Theory]
    [InlineData(KubernetesConnectorState.NotStarted, KubernetesConnectorState.Starting, true)]
    [InlineData(KubernetesConnectorState.Starting, KubernetesConnectorState.Running, true)]
    [InlineData(KubernetesConnectorState.Starting, KubernetesConnectorState.FailedToStart, true)]
    [InlineData(KubernetesConnectorState.Running, KubernetesConnectorState.Unhealthy, true)]
    [InlineData(KubernetesConnectorState.Unhealthy, KubernetesConnectorState.Running, true)]
    [InlineData(KubernetesConnectorState.FailedToStart, KubernetesConnectorState.Starting, true)]
    [InlineData(KubernetesConnectorState.NotStarted, KubernetesConnectorState.Running, false)]
    [InlineData(KubernetesConnectorState.FailedToStart, KubernetesConnectorState.Running, false)]
    [InlineData(KubernetesConnectorState.Running, KubernetesConnectorState.FailedToStart, false)]
    [InlineData(KubernetesConnectorState.Starting, KubernetesConnectorState.Unhealthy, false)]
    public void Transitions_follow_the_state_machine(KubernetesConnectorState from, KubernetesConnectorState to, bool legal)
    {
        var status = new KubernetesConnectorStatus(from);

        Assert.Equal(legal, status.CanMoveTo(to));
        if (legal)
        {
            Assert.Equal(to, status.MoveTo(to, "KC4104", "reason").State);
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => status.MoveTo(to, "KC4104", "reason"));
        }
    }

    [Fact]
    public void State_texts_and_styles_are_aspires_known_ones()
    {
        Assert.Equal(
            [("NotStarted", null), ("Starting", "info"), ("Running", "success"), ("RuntimeUnhealthy", "warning"), ("FailedToStart", "error")],
            Enum.GetValues<KubernetesConnectorState>().Select(s => (new KubernetesConnectorStatus(s, "KC4100", "x").StateText, new KubernetesConnectorStatus(s, "KC4100", "x").StateStyle)));
    }

    [Fact]
    public void A_failure_without_a_code_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new KubernetesConnectorStatus(KubernetesConnectorState.Starting).MoveTo(KubernetesConnectorState.FailedToStart));
    }
}
