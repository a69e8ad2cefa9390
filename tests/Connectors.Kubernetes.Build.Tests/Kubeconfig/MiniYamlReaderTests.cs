using Connectors.Kubernetes.Build.Kubeconfig;

namespace Connectors.Kubernetes.Build.Tests.Kubeconfig;

public sealed class MiniYamlReaderTests
{
    private static Dictionary<string, object?> Map(object? node) => Assert.IsType<Dictionary<string, object?>>(node);

    private static List<object?> List(object? node) => Assert.IsType<List<object?>>(node);

    [Fact]
    public void Reads_kubectl_style_with_sequences_at_the_key_indentation()
    {
        var root = Map(MiniYamlReader.Parse("""
            apiVersion: v1
            contexts:
            - context:
                cluster: dev   # trailing comment
                user: "dev user"
              name: kind-dev
            - name: 'it''s'
              context: {cluster: x, user: y}
            current-context: kind-dev
            """));

        var contexts = List(root["contexts"]);
        Assert.Equal(2, contexts.Count);
        Assert.Equal("kind-dev", Map(contexts[0])["name"]);
        Assert.Equal("dev user", Map(Map(contexts[0])["context"])["user"]);
        Assert.Equal("it's", Map(contexts[1])["name"]);
        Assert.Equal("y", Map(Map(contexts[1])["context"])["user"]);
        Assert.Equal("kind-dev", root["current-context"]);
    }

    [Fact]
    public void Reads_indented_sequences_flow_lists_nulls_and_block_scalars()
    {
        var root = Map(MiniYamlReader.Parse("""
            ---
            users:
              - name: exec
                user:
                  exec:
                    args: ["get-token", --cluster, 'a b']
                    env: null
                    command: aws
              - name: empty
                user: {}
            preferences: {}
            note: |
              line one
              line two
            url: https://example.test/#frag
            quoted: "a\"b\u0041"
            """));

        var exec = Map(Map(Map(List(root["users"])[0])["user"])["exec"]);
        Assert.Equal(["get-token", "--cluster", "a b"], List(exec["args"]).Cast<string>());
        Assert.Null(exec["env"]);
        Assert.Empty(Map(Map(List(root["users"])[1])["user"]));
        Assert.Equal("line one\nline two\n", root["note"]);
        Assert.Equal("https://example.test/#frag", root["url"]);
        Assert.Equal("a\"bA", root["quoted"]);
    }

    [Fact]
    public void Empty_document_is_null()
    {
        Assert.Null(MiniYamlReader.Parse("# only a comment\n\n"));
    }

    [Theory]
    [InlineData("a: [1, 2")]
    [InlineData("a: 1\n   b: 2")]
    [InlineData("a:\n\t- b")]
    [InlineData("- a\nb: c")]
    [InlineData("a: \"open")]
    public void Invalid_or_unsupported_text_raises_FormatException_with_the_line(string text)
    {
        var error = Assert.Throws<FormatException>(() => MiniYamlReader.Parse(text));
        Assert.Matches("line [0-9]+", error.Message);
    }
}
