using System.Text;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Tests.Support;
using CsCheck;
using YamlDotNet.Core;

namespace Connectors.Kubernetes.Tests.Properties;

/// <summary>
/// Differential tests of the fast block-YAML reader against the full YAML parser: whenever the fast
/// reader accepts a text, the full parser must accept it too and build the same tree (kinds, keys,
/// values, quoting and lines). When in doubt the fast reader must give up, never guess.
/// </summary>
public sealed class FastBlockYamlProperties
{
    private static readonly string Seed =
        "apiVersion: v1\nkind: Config\ncurrent-context: dev # the default\npreferences: {}\n" +
        "clusters:\n- name: dev-cluster\n  cluster:\n    server: https://127.0.0.1:6443\n    certificate-authority-data: " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCertificates.Default.CaPem)) + "\n    insecure-skip-tls-verify: false\n" +
        "# a comment line\n\nusers:\n- name: dev-user\n  user:\n    token: \"abc def\"\n    username: 'it''s'\n    password: p#not-a-comment\n    exec:\n      command: ./plugin\n      args:\n      - a\n      -   b\n      env: []\n      apiVersion: client.authentication.k8s.io/v1\n" +
        "contexts:\n-   name: dev\n    context:\n      cluster: dev-cluster\n      user: dev-user\n      namespace:\n- name: other\n  context: {}\n";

    private static readonly Gen<string> LineMutations =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 40], Gen.String[Gen.Char[" -:#'\"{}[]ab\\&*|>"], 0, 4])
            .Array[1, 5]
            .Select(edits =>
            {
                var lines = Seed.Split('\n').ToList();
                foreach (var (kind, at, text) in edits)
                {
                    var i = at % lines.Count;
                    switch (kind)
                    {
                        case 0: lines.RemoveAt(i); break;
                        case 1: lines.Insert(i, lines[i]); break;
                        case 2: lines[i] = " " + lines[i]; break;
                        case 3: lines[i] = lines[i].Length > 0 && lines[i][0] == ' ' ? lines[i][1..] : lines[i]; break;
                        case 4: lines[i] = lines[i] + text; break;
                        default: lines[i] = text + lines[i]; break;
                    }

                    if (lines.Count == 0)
                    {
                        lines.Add(string.Empty);
                    }
                }

                return string.Join('\n', lines);
            });

    private static readonly Gen<string> Arbitrary = Gen.String[Gen.Char[" -:#'\"{}[]abc01\n"], 0, 120];

    private static void SameTree(string text)
    {
        if (!FastBlockYaml.TryParse(text, out var fast))
        {
            return; // gave up: the full parser reads it
        }

        YamlTreeNode? full;
        try
        {
            full = YamlTreeBuilder.Parse(text);
        }
        catch (YamlException e)
        {
            Assert.Fail("The fast reader accepted text the full parser rejects (" + e.Message + "):\n" + text);
            return;
        }

        Assert.True(Equal(fast, full, out var where), "Trees differ at " + where + " for:\n" + text);
    }

    private static bool Equal(YamlTreeNode? a, YamlTreeNode? b, out string where)
    {
        where = string.Empty;
        if (a is null || b is null)
        {
            // An empty document: the full parser may see a null scalar.
            var ok = (a ?? b) is null || ((a ?? b) is YamlTreeScalar { Value: "" } s && s.Style == ScalarStyle.Plain);
            where = ok ? string.Empty : "document";
            return ok;
        }

        if (a.Start.Line != b.Start.Line && a is not YamlTreeSequence)
        {
            where = "line " + a.Start.Line + " vs " + b.Start.Line;
            return false;
        }

        switch (a, b)
        {
            case (YamlTreeScalar x, YamlTreeScalar y):
                where = "scalar at line " + x.Start.Line;
                return x.Value == y.Value && x.Style == y.Style && y.Tag.IsEmpty;
            case (YamlTreeMapping x, YamlTreeMapping y):
                if (x.Children.Count != y.Children.Count)
                {
                    where = "mapping size at line " + x.Start.Line;
                    return false;
                }

                for (var i = 0; i < x.Children.Count; i++)
                {
                    if (!Equal(x.Children[i].Key, y.Children[i].Key, out where) || !Equal(x.Children[i].Value, y.Children[i].Value, out where))
                    {
                        return false;
                    }
                }

                return true;
            case (YamlTreeSequence x, YamlTreeSequence y):
                if (x.Children.Count != y.Children.Count)
                {
                    where = "sequence size at line " + x.Start.Line;
                    return false;
                }

                for (var i = 0; i < x.Children.Count; i++)
                {
                    if (!Equal(x.Children[i], y.Children[i], out where))
                    {
                        return false;
                    }
                }

                return true;
            default:
                where = a.GetType().Name + " vs " + b.GetType().Name + " at line " + a.Start.Line;
                return false;
        }
    }

    [Fact]
    public void The_seed_takes_the_fast_path_and_matches() 
    {
        Assert.True(FastBlockYaml.TryParse(Seed, out _));
        SameTree(Seed);
    }

    [Theory]
    [InlineData("a: {x: 1}\n")]
    [InlineData("a: &anchor b\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: \"esc\\n\"\n")]
    [InlineData("a: plain\n  continued\n")]
    [InlineData("---\na: b\n")]
    [InlineData("a:\tb\n")]
    [InlineData("\"quoted key\": b\n")]
    public void Unsupported_forms_make_it_give_up(string text) => Assert.False(FastBlockYaml.TryParse(text, out _));

    [Fact]
    public void Line_mutations_of_a_kubeconfig_give_the_same_tree_or_a_fallback() => LineMutations.Sample(SameTree, iter: 5000);

    [Fact]
    public void Arbitrary_text_gives_the_same_tree_or_a_fallback() => Arbitrary.Sample(SameTree, iter: 5000);
}
