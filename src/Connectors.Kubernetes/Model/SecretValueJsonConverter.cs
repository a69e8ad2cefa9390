using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectors.Kubernetes;

/// <summary>
/// Writes a <see cref="SecretValue"/> as <c>"[HIDDEN]"</c>. Reading accepts a real value but rejects the
/// mask, so a serialized-then-read secret cannot silently become the text "[HIDDEN]".
/// </summary>
public sealed class SecretValueJsonConverter : JsonConverter<SecretValue>
{
    /// <inheritdoc />
    public override SecretValue? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.GetString() ?? string.Empty;
        if (text == SecretValue.Mask)
        {
            throw new JsonException("A masked secret ('[HIDDEN]') cannot be read back; supply the real value from a secret store.");
        }

        return new SecretValue(text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SecretValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(SecretValue.Mask);
    }
}
