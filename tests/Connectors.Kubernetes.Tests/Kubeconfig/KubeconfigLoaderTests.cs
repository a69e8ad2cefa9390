using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Tests.Support;

namespace Connectors.Kubernetes.Tests.Kubeconfig;

public sealed class KubeconfigLoaderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static string Cluster(string name, string server, string extra = "") =>
        $"- name: {name}\n  cluster:\n    server: {server}\n{extra}";

    [Fact]
    public void The_kubeconfig_list_is_split_with_empty_entries_and_duplicates_dropped()
    {
        var s = Path.PathSeparator;
        Assert.Equal(["/a/config", "/b/config"], KubeconfigLoader.DefaultPaths($"{s}/a/config{s}{s}/b/config{s}/a/config", "/home/u"));
        Assert.Equal([Path.Combine("/home/u", ".kube", "config")], KubeconfigLoader.DefaultPaths(string.Empty, "/home/u"));
    }

    [Fact]
    public void The_first_file_to_define_a_name_wins_the_whole_entry()
    {
        var first = temp.Write("one/config", "clusters:\n" + Cluster("shared", "https://one.example.test") + Cluster("only-one", "https://x.example.test"));
        var second = temp.Write("two/config", "clusters:\n" + Cluster("shared", "https://two.example.test", "    tls-server-name: two.internal\n    insecure-skip-tls-verify: true\n") + Cluster("only-two", "https://y.example.test"));
        var set = KubeconfigLoader.Load([first, second]);
        var shared = set.Clusters["shared"];
        Assert.Equal("https://one.example.test", shared.Server);
        Assert.Null(shared.TlsServerName); // not merged field by field
        Assert.False(shared.InsecureSkipTlsVerify);
        Assert.Equal(first, shared.Origin.FilePath);
        Assert.Equal(["only-one", "only-two", "shared"], set.Clusters.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_first_non_empty_current_context_wins()
    {
        var first = temp.Write("a", "current-context: \"\"\n");
        var second = temp.Write("b", "current-context: from-b\n");
        var third = temp.Write("c", "current-context: from-c\n");
        Assert.Equal("from-b", KubeconfigLoader.Load([first, second, third]).CurrentContext);
    }

    [Fact]
    public void Missing_files_in_the_list_are_skipped_but_an_explicit_file_must_exist()
    {
        var present = temp.Write("present", "current-context: x\n");
        var missing = Path.Combine(temp.Path, "missing");
        var set = KubeconfigLoader.Load([missing, present]);
        Assert.Equal([missing], set.MissingFiles);
        Assert.Equal("x", set.CurrentContext);
        var e = Assert.Throws<KubeconfigException>(() => KubeconfigLoader.LoadExplicit(missing));
        Assert.Equal("KC1200", e.Code);
        Assert.Equal(missing, e.FilePath);
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void Relative_paths_are_resolved_against_the_file_that_defines_them()
    {
        var first = temp.Write("dir-a/config", "users:\n- name: ua\n  user:\n    client-certificate: certs/a.crt\n    client-key: /abs/a.key\n    tokenFile: ../tok\n");
        var second = temp.Write("dir-b/nested/config", "clusters:\n" + Cluster("cb", "https://b.example.test", "    certificate-authority: ca.crt\n") +
            "users:\n- name: ub\n  user:\n    exec:\n      command: ./bin/plugin\n      apiVersion: client.authentication.k8s.io/v1beta1\n- name: uc\n  user:\n    exec:\n      command: kubelogin\n      apiVersion: client.authentication.k8s.io/v1beta1\n");
        var set = KubeconfigLoader.Load([first, second]);
        Assert.Equal(Path.Combine(temp.Path, "dir-a", "certs", "a.crt"), set.Users["ua"].ClientCertificate);
        Assert.Equal("/abs/a.key", set.Users["ua"].ClientKey);
        Assert.Equal(Path.Combine(temp.Path, "tok"), set.Users["ua"].TokenFile);
        Assert.Equal(Path.Combine(temp.Path, "dir-b", "nested", "ca.crt"), set.Clusters["cb"].CertificateAuthority);
        Assert.Equal(Path.Combine(temp.Path, "dir-b", "nested", "bin", "plugin"), set.Users["ub"].Exec!.Command);
        Assert.Equal("kubelogin", set.Users["uc"].Exec!.Command); // a bare name is looked up on PATH
        Assert.Equal("IfAvailable", set.Users["uc"].Exec!.InteractiveMode); // v1beta1 default
    }

    [Fact]
    public void Empty_files_null_lists_and_unknown_fields_are_accepted()
    {
        var empty = temp.Write("empty", string.Empty);
        var nulls = temp.Write("nulls", "apiVersion: v1\nkind: Config\nclusters: null\nusers: []\ncontexts:\npreferences: {}\nfuture-field: {a: 1}\n");
        var unknown = temp.Write("unknown", "clusters:\n- name: c\n  cluster:\n    server: https://c.example.test\n    some-new-field: [1, 2]\n  extra: 1\n");
        var set = KubeconfigLoader.Load([empty, nulls, unknown]);
        Assert.Equal(3, set.Files.Count);
        Assert.Equal("https://c.example.test", Assert.Single(set.Clusters).Value.Server);
        Assert.Empty(set.Users);
    }

    [Fact]
    public void Duplicate_keys_are_tolerated_and_the_last_wins_as_in_kubectl()
    {
        var file = temp.Write("config", "current-context: a\ncurrent-context: b\nclusters:\n- name: c\n  cluster: {server: https://127.0.0.1:1, server: https://127.0.0.1:2}\n");
        var set = KubeconfigLoader.Load([file]);
        Assert.Equal("b", set.CurrentContext);
        Assert.Equal("https://127.0.0.1:2", set.Clusters["c"].Server);
    }

    [Fact]
    public void Aliases_share_the_anchored_entry()
    {
        var file = temp.Write("config", "clusters:\n- name: c\n  cluster: &c {server: https://127.0.0.1:1}\n- name: d\n  cluster: *c\n");
        Assert.Equal("https://127.0.0.1:1", KubeconfigLoader.Load([file]).Clusters["d"].Server);
        var broken = temp.Write("broken", "clusters:\n- name: d\n  cluster: *nowhere\n");
        Assert.Equal("KC1201", Assert.Throws<KubeconfigException>(() => KubeconfigLoader.Load([broken])).Code);
    }

    [Fact]
    public void Names_are_case_sensitive()
    {
        var file = temp.Write("config", "contexts:\n- name: dev\n  context: {cluster: a}\n- name: Dev\n  context: {cluster: b}\n");
        var set = KubeconfigLoader.Load([file]);
        Assert.Equal("a", set.Contexts["dev"].Cluster);
        Assert.Equal("b", set.Contexts["Dev"].Cluster);
    }

    [Fact]
    public void A_name_defined_twice_in_one_file_is_KC1215_with_its_line()
    {
        var file = temp.Write("config", "clusters:\n" + Cluster("c1", "https://a.example.test") + Cluster("c1", "https://b.example.test"));
        var e = Assert.Throws<KubeconfigException>(() => KubeconfigLoader.Load([file]));
        Assert.Equal("KC1215", e.Code);
        Assert.Equal(5, e.Line);
        Assert.Equal("cluster 'c1'", e.Entry);
        Assert.Contains(file, e.Message);
    }

    [Fact]
    public void A_yaml_syntax_error_is_KC1201_with_the_line()
    {
        var file = temp.Write("config", "clusters:\n- name: c\n  cluster:\n    server: [unclosed\n");
        var e = Assert.Throws<KubeconfigException>(() => KubeconfigLoader.Load([file]));
        Assert.Equal("KC1201", e.Code);
        Assert.NotNull(e.Line);
        Assert.Contains(":" + e.Line, e.Message);
        Assert.Contains(file, e.Message);
    }

    [Theory]
    [InlineData("clusters: {}\n", "'clusters' must be a list")]
    [InlineData("clusters:\n- name: c\n  cluster: text\n", "'cluster' must be a mapping")]
    [InlineData("users:\n- name: u\n  user:\n    token: 12345\n", "'token' must be a string but is a number")]
    [InlineData("users:\n- name: u\n  user:\n    token: yes\n", "'token' must be a string but is a boolean")]
    [InlineData("clusters:\n- name: c\n  cluster:\n    insecure-skip-tls-verify: \"true\"\n", "must be true or false")]
    [InlineData("- just\n- a list\n", "must be a YAML mapping")]
    public void A_field_of_the_wrong_kind_is_KC1202_naming_the_field(string yaml, string expected)
    {
        var file = temp.Write("config", yaml);
        var e = Assert.Throws<KubeconfigException>(() => KubeconfigLoader.Load([file]));
        Assert.Equal("KC1202", e.Code);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Yaml_1_1_booleans_and_nulls_are_read_as_kubectl_reads_them()
    {
        var file = temp.Write("config", "clusters:\n- name: c\n  cluster:\n    server: https://c.example.test\n    insecure-skip-tls-verify: yes\n    tls-server-name: ~\n");
        var cluster = KubeconfigLoader.Load([file]).Clusters["c"];
        Assert.True(cluster.InsecureSkipTlsVerify);
        Assert.Null(cluster.TlsServerName);
    }

    [Fact]
    public void Bad_base64_in_a_data_field_is_KC1203_and_never_echoes_the_value()
    {
        var file = temp.Write("config", "users:\n- name: u\n  user:\n    client-key-data: \"c2VjcmV0!\"\n");
        var e = Assert.Throws<KubeconfigException>(() => KubeconfigLoader.Load([file]));
        Assert.Equal("KC1203", e.Code);
        Assert.Equal("user 'u'", e.Entry);
        Assert.Equal(4, e.Line);
        Assert.DoesNotContain("c2VjcmV0", e.Message);
    }

    [Fact]
    public void Data_fields_are_decoded_and_empty_tokens_are_kept()
    {
        var pem = TestCertificates.Default.CaPem;
        var file = temp.Write("config",
            "clusters:\n- name: c\n  cluster:\n    server: https://c.example.test\n    certificate-authority-data: " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem)) + "\n" +
            "users:\n- name: k3d\n  user:\n    token: \"\"\n- name: none\n  user: {}\n");
        var set = KubeconfigLoader.Load([file]);
        Assert.Equal(pem, set.Clusters["c"].CertificateAuthorityData);
        Assert.True(set.Users["k3d"].Token!.IsEmpty);
        Assert.Null(set.Users["none"].Token);
    }

    [Fact]
    public void Select_resolves_the_current_or_a_named_context()
    {
        var file = temp.Write("config",
            "current-context: one\nclusters:\n" + Cluster("c", "https://c.example.test") +
            "users:\n- name: u\n  user: {token: abc}\ncontexts:\n- name: one\n  context: {cluster: c, user: u, namespace: ml}\n- name: two\n  context: {cluster: c}\n");
        var set = KubeconfigLoader.Load([file]);
        var current = set.Select();
        Assert.Equal(("one", "c", "u", "ml"), (current.Context.Name, current.Cluster.Name, current.User!.Name, current.Context.Namespace));
        var named = set.Select("two");
        Assert.Null(named.User);
    }

    [Fact]
    public void Select_reports_each_missing_piece_with_its_own_code()
    {
        var file = temp.Write("config",
            "clusters:\n" + Cluster("c", "https://c.example.test") +
            "contexts:\n- name: no-cluster\n  context: {cluster: gone, user: u}\n- name: no-user\n  context: {cluster: c, user: gone}\n");
        var set = KubeconfigLoader.Load([file]);
        var none = Assert.Throws<KubeconfigException>(() => set.Select());
        Assert.Equal("KC1207", none.Code);
        var missingContext = Assert.Throws<KubeconfigException>(() => set.Select("nope"));
        Assert.Equal("KC1204", missingContext.Code);
        Assert.Contains("no-cluster, no-user", missingContext.Message);
        var missingCluster = Assert.Throws<KubeconfigException>(() => set.Select("no-cluster"));
        Assert.Equal(("KC1205", "context 'no-cluster'", file), (missingCluster.Code, missingCluster.Entry, missingCluster.FilePath));
        Assert.Contains("'gone'", missingCluster.Message);
        Assert.Equal("KC1206", Assert.Throws<KubeconfigException>(() => set.Select("no-user")).Code);
    }

    [Fact]
    public void The_yaml_tree_is_kept_for_a_writer()
    {
        var file = temp.Write("config", "future-field: keep-me\nclusters:\n" + Cluster("c", "https://c.example.test", "    vendor-extra: 1\n"));
        var loaded = KubeconfigLoader.Load([file]).Files[0];
        Assert.NotNull(loaded.Root);
        Assert.Contains(loaded.Root!.Children, c => c.Key.ToString() == "future-field");
        var clusters = (YamlDotNet.RepresentationModel.YamlSequenceNode)loaded.Root!.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("clusters")];
        Assert.Contains("vendor-extra", clusters.Children[0].ToString());
    }
}
