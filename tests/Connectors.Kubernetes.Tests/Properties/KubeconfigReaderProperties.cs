using System.Text;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Tests.Support;
using CsCheck;

namespace Connectors.Kubernetes.Tests.Properties;

/// <summary>Whatever the input, the kubeconfig reader either succeeds or throws its own coded exception.</summary>
public sealed class KubeconfigReaderProperties
{
    private static readonly string Seed =
        "apiVersion: v1\nkind: Config\ncurrent-context: dev\npreferences: {}\n" +
        "clusters:\n- name: dev-cluster\n  cluster:\n    server: https://127.0.0.1:6443\n    certificate-authority-data: " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCertificates.Default.CaPem)) + "\n    certificate-authority: ca.crt\n    insecure-skip-tls-verify: false\n    tls-server-name: kube.test\n" +
        "users:\n- name: dev-user\n  user:\n    token: abc\n    tokenFile: token\n    client-certificate: c.crt\n    client-key-data: QUJD\n    username: u\n    password: p\n" +
        "    exec:\n      command: ./plugin\n      args: [a, b]\n      env: [{name: A, value: b}]\n      apiVersion: client.authentication.k8s.io/v1\n      interactiveMode: Never\n    auth-provider: {name: gcp}\n" +
        "contexts:\n- name: dev\n  context: {cluster: dev-cluster, user: dev-user, namespace: ml}\n- name: other\n  context:\n    cluster: x\n";

    private static readonly Gen<char> YamlChars = Gen.OneOf(Gen.Char["-:{}[],'\"|>&*!%@`#?\n \t~yn0x1.e"], Gen.Char);

    /// <summary>The seed with random edits: deletions, insertions and replacements of YAML-significant characters.</summary>
    private static readonly Gen<string> Mutated =
        Gen.Select(Gen.Int[0, Seed.Length], Gen.Int[0, 12], Gen.String[YamlChars, 0, 6], Gen.Int[1, 4])
            .Array[1, 6]
            .Select(edits =>
            {
                var text = new StringBuilder(Seed);
                foreach (var (position, delete, insert, _) in edits)
                {
                    var at = Math.Min(position, text.Length);
                    text.Remove(at, Math.Min(delete, text.Length - at));
                    text.Insert(at, insert);
                }

                return text.ToString();
            });

    private static readonly Gen<string> Arbitrary = Gen.String[YamlChars, 0, 200];

    private static void ReadEverything(string text)
    {
        try
        {
            var file = KubeconfigLoader.Parse(text, "/tmp/connectors-prop/config");
            var set = new KubeconfigSet([file], []);
            foreach (var name in set.Contexts.Keys.Append(null))
            {
                try
                {
                    var selection = set.Select(name);
                    KubernetesAutoConfigure.FromSelection("prop", selection, new KubernetesAutoConfigureOptions { RunExecPlugins = false, Validate = false });
                }
                catch (KubeconfigException e)
                {
                    Assert.StartsWith("KC12", e.Code);
                }
            }
        }
        catch (KubeconfigException e)
        {
            Assert.StartsWith("KC12", e.Code);
        }
    }

    [Fact]
    public void Mutated_kubeconfigs_never_throw_anything_but_a_kubeconfig_exception() => Mutated.Sample(ReadEverything, iter: 3000);

    [Fact]
    public void Arbitrary_text_never_throws_anything_but_a_kubeconfig_exception() => Arbitrary.Sample(ReadEverything, iter: 3000);
}
