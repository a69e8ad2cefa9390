using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>A 1-based position in the text.</summary>
internal readonly record struct YamlTreeMark(int Line, int Column)
{
    public static YamlTreeMark From(Mark mark) => new((int)mark.Line, (int)mark.Column);
}

/// <summary>A light YAML node: what the kubeconfig reader needs, built straight from parser events.</summary>
internal abstract class YamlTreeNode
{
    protected YamlTreeNode(YamlTreeMark start) => Start = start;

    /// <summary>Where the node starts.</summary>
    public YamlTreeMark Start { get; }
}

/// <summary>A mapping; keys keep their order and duplicates (the last one wins when read, as in kubectl).</summary>
internal sealed class YamlTreeMapping(YamlTreeMark start) : YamlTreeNode(start)
{
    public List<KeyValuePair<YamlTreeNode, YamlTreeNode>> Children { get; } = [];
}

/// <summary>A sequence.</summary>
internal sealed class YamlTreeSequence(YamlTreeMark start) : YamlTreeNode(start)
{
    public List<YamlTreeNode> Children { get; } = [];
}

/// <summary>A scalar with its style and tag, which decide its JSON kind.</summary>
internal sealed class YamlTreeScalar(YamlTreeMark start, string value, ScalarStyle style, TagName tag) : YamlTreeNode(start)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public TagName Tag { get; } = tag;
}

/// <summary>
/// Builds a <see cref="YamlTreeNode"/> tree from YamlDotNet's event parser. It is cheaper than the
/// representation model (no dictionaries, no marks per event beyond the start) and, like kubectl,
/// accepts duplicate mapping keys. Aliases share the anchored node.
/// </summary>
internal static class YamlTreeBuilder
{
    /// <summary>Parses the first document of <paramref name="text"/>; null when there is none.</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static YamlTreeNode? Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _))
        {
            return null;
        }

        var anchors = new Dictionary<string, YamlTreeNode>(StringComparer.Ordinal);
        return Node(parser, anchors);
    }

    private static YamlTreeNode Node(IParser parser, Dictionary<string, YamlTreeNode> anchors)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var node = new YamlTreeScalar(YamlTreeMark.From(scalar.Start), scalar.Value, scalar.Style, scalar.Tag);
            Remember(anchors, scalar.Anchor, node);
            return node;
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new AnchorNotFoundException(alias.Start, alias.End, "The alias *" + alias.Value.Value + " refers to no anchor");
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var sequence = new YamlTreeSequence(YamlTreeMark.From(sequenceStart.Start));
            Remember(anchors, sequenceStart.Anchor, sequence);
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                sequence.Children.Add(Node(parser, anchors));
            }

            return sequence;
        }

        var mappingStart = parser.Consume<MappingStart>();
        var mapping = new YamlTreeMapping(YamlTreeMark.From(mappingStart.Start));
        Remember(anchors, mappingStart.Anchor, mapping);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = Node(parser, anchors);
            var value = Node(parser, anchors);
            mapping.Children.Add(new KeyValuePair<YamlTreeNode, YamlTreeNode>(key, value));
        }

        return mapping;
    }

    private static void Remember(Dictionary<string, YamlTreeNode> anchors, AnchorName anchor, YamlTreeNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }
}
