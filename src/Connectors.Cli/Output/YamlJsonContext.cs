using System.Text.Json.Serialization;

namespace Connectors.Kubernetes.Cli.Output;

/// <summary>Source-generated serializer metadata for the one type serialized directly (no reflection at start-up).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class YamlJsonContext : JsonSerializerContext;
