using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Output;
using YamlDotNet.RepresentationModel;

namespace Connectors.Cli.Tests.Output;

public sealed class YamlTextTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("true")]
    [InlineData("No")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("123")]
    [InlineData("1e3")]
    [InlineData("a: b")]
    [InlineData("x #y")]
    [InlineData("- dash")]
    [InlineData(" lead")]
    [InlineData("trail ")]
    [InlineData("")]
    [InlineData("multi\nline\ttab")]
    [InlineData("üñï \"quoted\" 'single'")]
    [InlineData("@at")]
    [InlineData("https://kube-prod.example.test:6443")]
    public void Strings_read_back_as_the_same_string(string value)
    {
        var yaml = YamlText.Write(new JsonObject { ["key"] = value });

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var node = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("key")];
        Assert.Equal(value, node.Value);
        Assert.True(node.Style is not YamlDotNet.Core.ScalarStyle.Plain || !IsSpecial(value), $"'{value}' was written plain: {yaml}");
    }

    [Fact]
    public void Nested_objects_and_arrays_keep_their_shape()
    {
        var data = new JsonObject
        {
            ["connectors"] = new JsonArray(
                new JsonObject { ["name"] = "a", ["labels"] = new JsonObject { ["team"] = "ml" }, ["groups"] = new JsonArray("x", "y") },
                new JsonObject { ["name"] = "b", ["labels"] = new JsonObject(), ["groups"] = new JsonArray() }),
            ["count"] = 2,
            ["ok"] = true,
            ["none"] = null,
        };

        var yaml = YamlText.Write(data);

        Assert.Equal(
            """
            connectors:
              - name: a
                labels:
                  team: ml
                groups:
                  - x
                  - "y"
              - name: b
                labels: {}
                groups: []
            count: 2
            ok: true
            none: null

            """.ReplaceLineEndings("\n"),
            yaml);
    }

    private static bool IsSpecial(string value) => value is "true" or "No" or "null" or "~" or "123" or "1e3" or "";
}
