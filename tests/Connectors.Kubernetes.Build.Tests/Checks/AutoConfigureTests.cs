using Connectors.Kubernetes.Build.Tests.Infrastructure;

namespace Connectors.Kubernetes.Build.Tests.Checks;

/// <summary>Auto-configure connectors: kubeconfig present, context present, credentials not already expired.</summary>
public sealed class AutoConfigureTests : IDisposable
{
    private readonly TaskHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Kubeconfig(string userBody, string currentContext = "kind-dev") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - cluster:
            server: https://127.0.0.1:6443
          name: dev
        contexts:
        - context:
            cluster: dev
            user: dev-user
          name: kind-dev
        - context:
            cluster: dev
            user: other
          name: kind-other
        current-context: {currentContext}
        users:
        - name: dev-user
          user:
        {userBody}
        - name: other
          user: {"{}"}
        """;

    [Fact]
    public void Existing_context_with_valid_credentials_is_quiet()
    {
        _harness.Directory.Write("kube/config", Kubeconfig("    token: " + Credentials.Jwt(_harness.Now.AddHours(1))));
        var engine = _harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-dev" Kubeconfig="kube/config" />""");
        Assert.Empty(engine.Lines);
    }

    [Fact]
    public void Missing_context_is_a_warning_at_the_Context_attribute_listing_available_contexts()
    {
        _harness.Directory.Write("kube/config", Kubeconfig("    token: abc"));
        var engine = _harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-prod" Kubeconfig="kube/config" />""");

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("KC2106", 3, 62), (warning.Code, warning.LineNumber, warning.ColumnNumber));
        Assert.Contains("context 'kind-prod'", warning.Message);
        Assert.Contains("Available contexts: kind-dev, kind-other", warning.Message);
    }

    [Fact]
    public void Without_Context_the_current_context_is_used()
    {
        _harness.Directory.Write("kube/config", Kubeconfig("    token: " + Credentials.Jwt(_harness.Now.AddDays(-1)), currentContext: "kind-dev"));
        var warning = Assert.Single(_harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Kubeconfig="kube/config" />""").Warnings);
        Assert.Equal("KC2107", warning.Code);
    }

    [Fact]
    public void Without_Context_and_without_current_context_is_a_warning()
    {
        _harness.Directory.Write("kube/config", Kubeconfig("    token: abc", currentContext: "\"\""));
        var warning = Assert.Single(_harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Kubeconfig="kube/config" />""").Warnings);
        Assert.Equal("KC2106", warning.Code);
        Assert.Contains("no current-context", warning.Message);
    }

    [Fact]
    public void Expired_token_is_reported_with_its_expiry_but_not_its_value()
    {
        var token = Credentials.Jwt(new DateTimeOffset(2026, 5, 1, 8, 30, 0, TimeSpan.Zero));
        _harness.Directory.Write("kube/config", Kubeconfig("    token: " + token));
        var engine = _harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-dev" Kubeconfig="kube/config" />""");

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("KC2107", warning.Code);
        Assert.Contains("token of user 'dev-user' (context 'kind-dev')", warning.Message);
        Assert.Contains("2026-05-01 08:30:00Z", warning.Message);
        Assert.DoesNotContain(token.Split('.')[1], warning.Message);
    }

    [Fact]
    public void Expired_client_certificate_data_is_reported()
    {
        var pem = Credentials.CertificatePem(_harness.Now.AddDays(-60), _harness.Now.AddDays(-30));
        _harness.Directory.Write("kube/config", Kubeconfig("    client-certificate-data: " + Credentials.Base64(pem) + "\n    client-key-data: a2V5"));
        var warning = Assert.Single(_harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-dev" Kubeconfig="kube/config" />""").Warnings);
        Assert.Equal("KC2107", warning.Code);
        Assert.Contains("client certificate", warning.Message);
    }

    [Fact]
    public void Expired_client_certificate_file_relative_to_the_kubeconfig_is_reported()
    {
        _harness.Directory.Write("kube/certs/dev.crt", Credentials.CertificatePem(_harness.Now.AddDays(-60), _harness.Now.AddDays(-30)));
        _harness.Directory.Write("kube/config", Kubeconfig("    client-certificate: certs/dev.crt\n    client-key: certs/dev.key"));
        var warning = Assert.Single(_harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-dev" Kubeconfig="kube/config" />""").Warnings);
        Assert.Equal("KC2107", warning.Code);
    }

    [Fact]
    public void Valid_certificate_and_opaque_token_are_quiet()
    {
        var pem = Credentials.CertificatePem(_harness.Now.AddDays(-1), _harness.Now.AddDays(30));
        _harness.Directory.Write("kube/config", Kubeconfig("    token: opaque-not-a-jwt\n    client-certificate-data: " + Credentials.Base64(pem)));
        Assert.Empty(_harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-dev" Kubeconfig="kube/config" />""").Lines);
    }

    [Fact]
    public void Missing_kubeconfig_is_a_warning_naming_where_it_looked()
    {
        var warning = Assert.Single(_harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-dev" />""").Warnings);
        Assert.Equal("KC2105", warning.Code);
        Assert.Contains(Path.Combine(_harness.Directory.Path, ".kube", "config"), warning.Message);
    }

    [Fact]
    public void Unreadable_kubeconfig_is_a_warning_with_the_line()
    {
        _harness.Directory.Write("kube/config", "contexts:\n- name: a\n  context: {user: \"unterminated\n");
        var warning = Assert.Single(_harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Kubeconfig="kube/config" />""").Warnings);
        Assert.Equal("KC2110", warning.Code);
        Assert.Contains("line 3", warning.Message);
    }

    [Fact]
    public void KUBECONFIG_list_is_merged_first_file_wins()
    {
        var first = _harness.Directory.Write("a.yaml", Kubeconfig("    token: " + Credentials.Jwt(_harness.Now.AddDays(-1))));
        var second = _harness.Directory.Write("b.yaml", """
            contexts:
            - name: only-in-b
              context: {cluster: x, user: y}
            - name: kind-dev
              context: {cluster: x, user: fresh}
            users:
            - name: fresh
              user: {}
            """);
        _harness.SetEnvironment("KUBECONFIG", first + Path.PathSeparator + Path.Combine(_harness.Directory.Path, "missing.yaml") + Path.PathSeparator + second);

        var engine = _harness.Run("""
                <KubernetesConnector Include="from-b" AutoConfigure="true" Context="only-in-b" />
                <KubernetesConnector Include="from-a" AutoConfigure="true" Context="kind-dev" />
            """);

        // kind-dev comes from a.yaml (first wins), whose user's token has expired; only-in-b exists.
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("KC2107", warning.Code);
        Assert.Contains("'from-a'", warning.Message);
    }

    [Fact]
    public void JSON_kubeconfig_is_read()
    {
        _harness.Directory.Write("kube/config.json", """{"contexts":[{"name":"kind-dev","context":{"user":"u"}}],"users":[{"name":"u","user":{"token":"t"}}]}""");
        Assert.Empty(_harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-dev" Kubeconfig="kube/config.json" />""").Lines);
    }

    [Fact]
    public void Kubeconfig_check_can_be_switched_off()
    {
        Assert.Empty(_harness.Run("""<KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="nope" />""", checkKubeconfig: false).Lines);
    }
}
