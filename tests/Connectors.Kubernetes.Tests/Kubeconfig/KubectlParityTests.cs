using System.Text;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Tests.Support;

namespace Connectors.Kubernetes.Tests.Kubeconfig;

/// <summary>
/// Proves parity with kubectl: for each kubeconfig set of the corpus, the real
/// <c>kubectl config view --raw --flatten --minify [--context X]</c> and our loader must agree on the
/// effective context (server, TLS settings, namespace, credentials, exec plugin) or both must fail.
/// Every server in the corpus is https://127.0.0.1, so kubectl only ever touches loopback.
/// </summary>
public sealed class KubectlParityTests
{
    private static readonly TestCertificates.Material Certs = TestCertificates.Default;
    private static readonly TestCertificates.Material Other = TestCertificates.Create(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), ecClient: true);

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>One kubeconfig set: files (relative path → YAML), the KUBECONFIG entries, the context asked for.</summary>
    public sealed record Scenario(string Name, Dictionary<string, string> Files, string[] Kubeconfig, string? Context, bool Fails = false)
    {
        public override string ToString() => Name;
    }

    private static string Cluster(string name, int port, string extra = "") => $"- name: {name}\n  cluster:\n    server: https://127.0.0.1:{port}\n{extra}";

    private static string User(string name, string body) => $"- name: {name}\n  user:\n{body}";

    private static string Context(string name, string cluster, string? user, string? ns = null) =>
        $"- name: {name}\n  context:\n    cluster: {cluster}\n" + (user is null ? string.Empty : $"    user: {user}\n") + (ns is null ? string.Empty : $"    namespace: {ns}\n");

    public static TheoryData<Scenario> Corpus()
    {
        var ca = "    certificate-authority-data: " + B64(Certs.CaPem) + "\n";
        var cases = new List<Scenario>
        {
            new("single file, token, inline CA, namespace", new()
            {
                ["home/config"] = "apiVersion: v1\nkind: Config\ncurrent-context: dev\nclusters:\n" + Cluster("dev-cluster", 16443, ca) +
                    "users:\n" + User("dev-user", "    token: abc.def.ghi\n") + "contexts:\n" + Context("dev", "dev-cluster", "dev-user", "ml"),
            }, ["home/config"], null),

            new("relative CA, client cert and key files resolved against their own file", new()
            {
                ["a/config"] = "current-context: ctx-a\nclusters:\n" + Cluster("ca", 16444, "    certificate-authority: pki/ca.crt\n") +
                    "users:\n" + User("ua", "    client-certificate: pki/client.crt\n    client-key: pki/client.key\n") + "contexts:\n" + Context("ctx-a", "ca", "ua"),
                ["a/pki/ca.crt"] = Certs.CaPem,
                ["a/pki/client.crt"] = Certs.ClientCertificatePem,
                ["a/pki/client.key"] = Certs.ClientKeyPem,
            }, ["a/config"], null),

            new("two files: first defines the cluster entry wholly, second the current-context", new()
            {
                ["one/config"] = "current-context: \"\"\nclusters:\n" + Cluster("shared", 16445, "    certificate-authority: ca.crt\n") + "users:\n" + User("u1", "    token: from-one\n"),
                ["one/ca.crt"] = Certs.CaPem,
                ["two/config"] = "current-context: ctx\nclusters:\n" + Cluster("shared", 16446, "    tls-server-name: other.internal\n    certificate-authority-data: " + B64(Other.CaPem) + "\n") +
                    "users:\n" + User("u1", "    token: from-two\n") + "contexts:\n" + Context("ctx", "shared", "u1", "two-ns"),
            }, ["one/config", "two/config"], null),

            new("KUBECONFIG with empty entries, duplicates and a missing file", new()
            {
                ["x/config"] = "current-context: x\nclusters:\n" + Cluster("c", 16447, ca) + "users:\n" + User("u", "    username: admin\n    password: pa55\n") + "contexts:\n" + Context("x", "c", "u"),
            }, ["", "missing/config", "x/config", "", "x/config"], null),

            new("named context from the second file using a user and cluster from the first", new()
            {
                ["first/config"] = "current-context: a\nclusters:\n" + Cluster("c1", 16448, "    insecure-skip-tls-verify: true\n") +
                    "users:\n" + User("u1", "    client-certificate: certs/c.crt\n    client-key: certs/c.key\n    token: \"\"\n") + "contexts:\n" + Context("a", "c1", "u1"),
                ["first/certs/c.crt"] = Other.ClientCertificatePem,
                ["first/certs/c.key"] = Other.ClientKeyPem,
                ["second/config"] = "contexts:\n" + Context("b", "c1", "u1", "from-second") + Context("a", "c1", "nobody"),
            }, ["first/config", "second/config"], "b"),

            new("case-sensitive names", new()
            {
                ["cfg"] = "current-context: Dev\nclusters:\n" + Cluster("dev", 16449) + Cluster("Dev", 16450, "    insecure-skip-tls-verify: yes\n") +
                    "users:\n" + User("Dev", "    token: upper\n") + User("dev", "    token: lower\n") + "contexts:\n" + Context("dev", "dev", "dev") + Context("Dev", "Dev", "Dev"),
            }, ["cfg"], null),

            new("null lists, unknown fields, YAML 1.1 booleans", new()
            {
                ["n/config"] = "apiVersion: v1\nkind: Config\npreferences: {colors: true}\nextensions: null\nfuture: {x: 1}\ncurrent-context: nl\n" +
                    "clusters:\n" + Cluster("c", 16451, "    insecure-skip-tls-verify: on\n    new-field: [a, b]\n    disable-compression: true\n") +
                    "users:\n- name: u\n  user:\n    token: ~\n    unknown: thing\n  extra-top: 1\ncontexts:\n" + Context("nl", "c", "u"),
                ["n/empty"] = string.Empty,
                ["n/nulls"] = "clusters: null\nusers: []\ncontexts:\n",
            }, ["n/empty", "n/nulls", "n/config"], null),

            new("exec plugin with a relative command, list arguments and env", new()
            {
                ["e/config"] = "current-context: e\nclusters:\n" + Cluster("c", 16452, ca) +
                    "users:\n" + User("u", "    exec:\n      command: ./bin/get-token\n      args: [\"--flag\", \"two words\"]\n      env:\n      - name: MODE\n        value: \"1\"\n      apiVersion: client.authentication.k8s.io/v1beta1\n      provideClusterInfo: true\n") +
                    "contexts:\n" + Context("e", "c", "u"),
            }, ["e/config"], null),

            new("PATH exec command and tokenFile", new()
            {
                ["p/config"] = "current-context: p\nclusters:\n" + Cluster("c", 16453, ca) +
                    "users:\n" + User("u", "    tokenFile: secrets/token\n    exec:\n      command: kubelogin\n      args: [get-token]\n      apiVersion: client.authentication.k8s.io/v1\n      interactiveMode: Never\n") +
                    "contexts:\n" + Context("p", "c", "u"),
                ["p/secrets/token"] = "token-from-file\n",
            }, ["p/config"], null),

            new("auth-provider entry", new()
            {
                ["ap/config"] = "current-context: g\nclusters:\n" + Cluster("c", 16454, ca) +
                    "users:\n" + User("u", "    auth-provider:\n      name: oidc\n      config: {client-id: x}\n") + "contexts:\n" + Context("g", "c", "u"),
            }, ["ap/config"], null),

            new("context without user", new()
            {
                ["nu/config"] = "current-context: anon\nclusters:\n" + Cluster("c", 16455, ca) + "contexts:\n" + Context("anon", "c", null, "public"),
            }, ["nu/config"], null),

            new("duplicate mapping keys (the last wins) and aliases", new()
            {
                ["dk/config"] = "current-context: first\ncurrent-context: dk\nclusters:\n- name: c\n  cluster: &shared\n    server: https://127.0.0.1:16467\n    server: https://127.0.0.1:16468\n- name: d\n  cluster: *shared\n" +
                    "users:\n" + User("u", "    token: one\n    token: two\n") + "contexts:\n" + Context("dk", "d", "u"),
            }, ["dk/config"], null),

            new("error: duplicate cluster name in one file", new()
            {
                ["d/config"] = "current-context: x\nclusters:\n" + Cluster("c", 16456) + Cluster("c", 16457) + "contexts:\n" + Context("x", "c", null),
            }, ["d/config"], null, Fails: true),

            new("error: unknown context", new()
            {
                ["u/config"] = "current-context: x\nclusters:\n" + Cluster("c", 16458) + "contexts:\n" + Context("x", "c", null),
            }, ["u/config"], "nope", Fails: true),

            new("error: context names a missing cluster", new()
            {
                ["mc/config"] = "current-context: x\ncontexts:\n" + Context("x", "gone", null),
            }, ["mc/config"], null, Fails: true),

            new("error: context names a missing user", new()
            {
                ["mu/config"] = "current-context: x\nclusters:\n" + Cluster("c", 16459) + "contexts:\n" + Context("x", "c", "ghost"),
            }, ["mu/config"], null, Fails: true),

            new("error: bad base64", new()
            {
                ["b/config"] = "current-context: x\nclusters:\n" + Cluster("c", 16460, "    certificate-authority-data: \"not*base64\"\n") + "contexts:\n" + Context("x", "c", null),
            }, ["b/config"], null, Fails: true),

            new("error: number where a string belongs", new()
            {
                ["t/config"] = "current-context: x\nclusters:\n" + Cluster("c", 16461) + "users:\n" + User("u", "    token: 12345\n") + "contexts:\n" + Context("x", "c", "u"),
            }, ["t/config"], null, Fails: true),

            new("error: YAML syntax", new()
            {
                ["y/config"] = "current-context: x\nclusters:\n- name: c\n  cluster: {server: https://127.0.0.1:16462\n",
            }, ["y/config"], null, Fails: true),

            new("error: a broken file anywhere in the list", new()
            {
                ["ok/config"] = "current-context: x\nclusters:\n" + Cluster("c", 16463) + "contexts:\n" + Context("x", "c", null),
                ["bad/config"] = "clusters: {}\n",
            }, ["ok/config", "bad/config"], null, Fails: true),

            new("error: referenced CA file missing", new()
            {
                ["m/config"] = "current-context: x\nclusters:\n" + Cluster("c", 16464, "    certificate-authority: nowhere/ca.crt\n") + "contexts:\n" + Context("x", "c", null),
            }, ["m/config"], null, Fails: true),

            new("error: a YAML 1.1 boolean where a name belongs", new()
            {
                ["yn/config"] = "current-context: x\nclusters:\n" + Cluster("c", 16466) + "contexts:\n" + Context("x", "c", null) + Context("n", "c", null),
            }, ["yn/config"], "x", Fails: true),

            new("error: no current context", new()
            {
                ["nc/config"] = "clusters:\n" + Cluster("c", 16465) + "contexts:\n" + Context("x", "c", null),
            }, ["nc/config"], null, Fails: true),
        };

        var data = new TheoryData<Scenario>();
        foreach (var c in cases)
        {
            data.Add(c);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Corpus))]
    public void Our_loader_agrees_with_kubectl(Scenario scenario)
    {
        Skip.IfNot(Kubectl.Available, Kubectl.MissingReason);
        using var temp = new TempDirectory();
        foreach (var (path, content) in scenario.Files)
        {
            temp.Write(path, content);
        }

        var entries = scenario.Kubeconfig.Select(e => e.Length == 0 ? string.Empty : Path.Combine(temp.Path, e)).ToArray();
        var arguments = new List<string> { "config", "view", "--raw", "--flatten", "--minify" };
        if (scenario.Context is not null)
        {
            arguments.Add("--context");
            arguments.Add(scenario.Context);
        }

        var (exitCode, stdout, stderr) = Kubectl.Run(string.Join(Path.PathSeparator, entries), temp.Path, [.. arguments]);
        var ours = Ours(entries, scenario.Context);

        Assert.True((exitCode != 0) == scenario.Fails, $"kubectl exit {exitCode}: {stderr}");
        if (scenario.Fails)
        {
            Assert.True(ours.Error is not null, "kubectl failed (" + stderr.Trim() + ") but our loader accepted the set");
            return;
        }

        Assert.True(ours.Error is null, "kubectl accepted the set but we failed: " + ours.Error?.Message);
        var kubectlFile = KubeconfigLoader.Parse(stdout, ours.UserOrigin ?? Path.Combine(temp.Path, "flattened"));
        var theirs = Effective.From(new KubeconfigSet([kubectlFile], []).Select());
        Assert.Equal(theirs, ours.Effective);
    }

    private static (Effective? Effective, Exception? Error, string? UserOrigin) Ours(string[] entries, string? context)
    {
        try
        {
            var selection = KubeconfigLoader.Load(entries).Select(context);
            return (Effective.From(selection), null, selection.User?.Origin.FilePath);
        }
        catch (KubeconfigException e)
        {
            return (null, e, null);
        }
        catch (IOException e)
        {
            return (null, e, null);
        }
    }

    /// <summary>What a client would use; file references are read as kubectl's --flatten does.</summary>
    private sealed record Effective(
        string Context, string? Server, string? TlsServerName, bool Insecure, bool DisableCompression, string? CertificateAuthority, string? Namespace,
        string? Token, string? TokenFile, string? Username, string? Password, string? ClientCertificate, string? ClientKey,
        string? ExecCommand, string ExecArguments, string ExecEnvironment, string? ExecApiVersion, bool? ProvideClusterInfo, string? AuthProvider)
    {
        public static Effective From(KubeconfigSelection s)
        {
            var (context, cluster, user) = s;
            return new Effective(
                context.Name,
                cluster.Server,
                cluster.TlsServerName,
                cluster.InsecureSkipTlsVerify,
                cluster.DisableCompression,
                cluster.CertificateAuthorityData ?? Read(cluster.CertificateAuthority),
                context.Namespace,
                string.IsNullOrEmpty(user?.Token?.Reveal()) ? null : user.Token.Reveal(), // kubectl cannot tell token: "" from no token
                user?.TokenFile,
                user?.Username?.Reveal(),
                user?.Password?.Reveal(),
                user?.ClientCertificateData ?? Read(user?.ClientCertificate),
                user?.ClientKeyData?.Reveal() ?? Read(user?.ClientKey),
                user?.Exec?.Command,
                string.Join("|", user?.Exec?.Arguments ?? []),
                string.Join("|", (user?.Exec?.Environment ?? []).Select(e => e.Key + "=" + e.Value)),
                user?.Exec?.ApiVersion,
                user?.Exec?.ProvideClusterInfo,
                user?.AuthProvider);
        }

        private static string? Read(string? path) => path is null ? null : File.ReadAllText(path);
    }
}
