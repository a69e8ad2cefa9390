using Connectors.Kubernetes;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Reliability.Tests.Support;
using CsCheck;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Fuzzing;

/// <summary>
/// The kubeconfig reader (fast block reader, YAML fallback, kubectl merge rules, context selection and
/// the lift into a spec) meets mutated kubeconfigs: it either succeeds or throws a coded
/// <see cref="KubernetesConnectorException"/> — nothing else, and never slowly.
/// </summary>
public sealed class KubeconfigFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Lines =
    [
        "apiVersion: v1", "kind: Config", "current-context: {0}", "preferences: {{}}", "clusters:", "- name: {0}", "  cluster:",
        "    server: {0}", "    certificate-authority-data: {0}", "    certificate-authority: {0}", "    insecure-skip-tls-verify: {0}",
        "    tls-server-name: {0}", "    proxy-url: {0}", "    extensions: {0}", "contexts:", "- context:", "    cluster: {0}", "    user: {0}",
        "    namespace: {0}", "  name: {0}", "users:", "- name: {0}", "  user:", "    token: {0}", "    tokenFile: {0}", "    username: {0}",
        "    password: {0}", "    client-certificate-data: {0}", "    client-key-data: {0}", "    client-key: {0}", "    exec:",
        "      apiVersion: {0}", "      command: {0}", "      args: {0}", "      - {0}", "      env:", "      - name: {0}", "        value: {0}",
        "      interactiveMode: {0}", "    auth-provider:", "      name: {0}", "      config: {0}", "  {0}: {0}", "{0}", "- {0}", "# {0}",
    ];

    private const string ValidKubeconfig = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: dev
          cluster:
            server: https://kube-dev.example.test:6443
            insecure-skip-tls-verify: true
        contexts:
        - name: dev
          context:
            cluster: dev
            user: dev
            namespace: ml
        users:
        - name: dev
          user:
            token: canary-not-a-real-token
        """;

    /// <summary>A valid kubeconfig with lines dropped, repeated, re-indented or replaced by generated ones.</summary>
    private static readonly Gen<string> Mutated =
        Gen.Select(
            Gen.Int[0, 5].Array[4, 24],
            Gen.Int[0, 1000].Array[4, 24],
            Fragments.Scalar.Array[4, 24],
            (ops, picks, scalars) =>
            {
                var lines = ValidKubeconfig.Split('\n').ToList();
                for (var i = 0; i < Math.Min(ops.Length, Math.Min(picks.Length, scalars.Length)); i++)
                {
                    var at = picks[i] % (lines.Count + 1);
                    var template = Lines[picks[i] % Lines.Length];
                    var generated = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, scalars[i]);
                    switch (ops[i])
                    {
                        case 0 when lines.Count > 0:
                            lines.RemoveAt(at % lines.Count);
                            break;
                        case 1 when lines.Count > 0:
                            lines.Insert(at, lines[at % lines.Count]);
                            break;
                        case 2 when lines.Count > 0:
                            lines[at % lines.Count] = new string(' ', picks[i] % 7) + lines[at % lines.Count].TrimStart();
                            break;
                        case 3 when lines.Count > 0:
                            lines[at % lines.Count] = generated;
                            break;
                        default:
                            lines.Insert(at, generated);
                            break;
                    }
                }

                return string.Join(picks[0] % 5 == 0 ? "\r\n" : "\n", lines);
            });

    /// <summary>Free-form text built from kubeconfig lines only (no valid skeleton).</summary>
    private static readonly Gen<string> Soup =
        Gen.Select(Gen.Int[0, Lines.Length - 1], Fragments.Scalar, (line, scalar) =>
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Lines[line], scalar))
            .Array[0, 30].Select(lines => string.Join('\n', lines));

    [Fact]
    public async Task Reader_gives_a_result_or_a_coded_error_for_every_generated_kubeconfig()
    {
        var folder = Directory.CreateTempSubdirectory("fuzz-kubeconfig-").FullName;
        try
        {
            var path = Path.Combine(folder, "config");
            await FuzzRun.RunAsync(
                "kubeconfig reader",
                Gen.Frequency((3, Mutated), (1, Soup)),
                FuzzRun.Inputs(100_000),
                text => ReadAndLift(text, path),
                output,
                perInput: TimeSpan.FromSeconds(10),
                wholeRun: TimeSpan.FromMinutes(FuzzRun.LongMode ? 30 : 3));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_unmutated_skeleton_lifts_so_the_fuzzer_starts_from_a_valid_kubeconfig()
    {
        var file = KubeconfigLoader.Parse(ValidKubeconfig, "/fuzz/config");
        var spec = KubernetesAutoConfigure.FromSelection("dev", new KubeconfigSet([file], []).Select(), new KubernetesAutoConfigureOptions { RunExecPlugins = false });
        Assert.Equal("https://kube-dev.example.test:6443", spec.Server);
        Assert.Equal("ml", spec.Namespace);
    }

    [Theory]
    [InlineData("tokenFile")]
    [InlineData("client-key")]
    [InlineData("client-certificate")]
    public void A_path_field_holding_a_nul_character_is_a_coded_error(string field)
    {
        // Found by the fuzzer: Path.GetFullPath threw ArgumentException for "\0" escapes in path fields.
        var text = ValidKubeconfig.Replace("token: canary-not-a-real-token", field + ": \"a\\0b\"", StringComparison.Ordinal);
        var ex = Assert.Throws<KubeconfigException>(() => KubeconfigLoader.Parse(text, "/fuzz/config"));
        Assert.Equal("KC1202", ex.Code);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    private static void ReadAndLift(string text, string path)
    {
        try
        {
            var file = KubeconfigLoader.Parse(text, path);
            var set = new KubeconfigSet([file], []);
            var selection = set.Select();
            // Exec plugins are not run: a generated "command" must never start a process.
            KubernetesAutoConfigure.FromSelection("fuzz", selection, new KubernetesAutoConfigureOptions { RunExecPlugins = false });
        }
        catch (KubernetesConnectorException ex)
        {
            Assert.Matches("^KC1[0-9]{3}$", ex.Code);
            // Block scalars and quotes can fold the token line into a name, which messages may quote;
            // only when neither is present is the canary certainly still the token's value.
            if (!text.AsSpan().ContainsAny("|>\"'"))
            {
                Assert.DoesNotContain("canary-not-a-real-token", ex.Message, StringComparison.Ordinal);
            }
        }
    }
}
