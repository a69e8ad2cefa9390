using System.Text;
using System.Text.Json.Nodes;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>
/// Reads the one protobuf body the server must understand: kubectl sends SelfSubjectAccessReview
/// (<c>kubectl auth can-i</c>) as <c>application/vnd.kubernetes.protobuf</c> and does not fall back to
/// JSON. The envelope is the <c>k8s\0</c> magic and a <c>runtime.Unknown</c> whose <c>raw</c> field holds
/// the review; only the string fields of the spec's attributes are needed.
/// </summary>
internal static class ProtobufReview
{
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();
    private static readonly string[] ResourceFields = ["", "namespace", "verb", "group", "version", "resource", "subresource", "name"];
    private static readonly string[] NonResourceFields = ["", "path", "verb"];

    public static JsonObject ToJson(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw ApiException.BadRequest("the protobuf body does not start with the Kubernetes envelope magic");
        }

        var raw = Field(body[Magic.Length..], 2) ?? throw ApiException.BadRequest("the protobuf envelope has no object");
        var spec = Field(raw, 2);
        var json = new JsonObject();
        if (spec is { } specBytes)
        {
            var specJson = new JsonObject();
            if (Field(specBytes, 1) is { } resource)
            {
                specJson["resourceAttributes"] = Strings(resource, ResourceFields);
            }

            if (Field(specBytes, 2) is { } nonResource)
            {
                specJson["nonResourceAttributes"] = Strings(nonResource, NonResourceFields);
            }

            json["spec"] = specJson;
        }

        return json;
    }

    private static JsonObject Strings(ReadOnlySpan<byte> message, string[] names)
    {
        var result = new JsonObject();
        for (var number = 1; number < names.Length; number++)
        {
            if (Field(message, number) is { } value)
            {
                result[names[number]] = Encoding.UTF8.GetString(value);
            }
        }

        return result;
    }

    /// <summary>The bytes of the first length-delimited field with this number, or null.</summary>
    private static byte[]? Field(ReadOnlySpan<byte> message, int wanted)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = Varint(message, ref position);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    Varint(message, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    {
                        var length = (int)Varint(message, ref position);
                        if (length < 0 || position + length > message.Length)
                        {
                            throw Malformed();
                        }

                        if (number == wanted)
                        {
                            return message.Slice(position, length).ToArray();
                        }

                        position += length;
                        break;
                    }

                default:
                    throw Malformed();
            }
        }

        return null;
    }

    private static ulong Varint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= message.Length)
            {
                throw Malformed();
            }

            var current = message[position++];
            value |= (ulong)(current & 0x7F) << shift;
            if ((current & 0x80) == 0)
            {
                return value;
            }
        }

        throw Malformed();
    }

    private static ApiException Malformed() => ApiException.BadRequest("the protobuf body is malformed");
}
