// Shared source: compiled into the runtime, the MSBuild task and the CLI. BCL only.
using System.Text;
using System.Text.Json;

namespace Connectors.Kubernetes.Validation;

/// <summary>Reads the <c>exp</c> claim of a JWT bearer token without validating its signature.</summary>
internal static class JwtExpiry
{
    /// <summary>
    /// Returns the expiry of <paramref name="token"/> when it is a JWT with a numeric <c>exp</c> claim,
    /// otherwise <see langword="null"/>. Opaque tokens are normal and simply have no known expiry.
    /// </summary>
    public static DateTimeOffset? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var first = token!.IndexOf('.');
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.IndexOf('.', second + 1) >= 0)
        {
            return null;
        }

        if (!CertificateMaterial.TryDecodeBase64(token.Substring(first + 1, second - first - 1), out var payload))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(payload));
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("exp", out var exp) &&
                exp.ValueKind == JsonValueKind.Number &&
                exp.TryGetDouble(out var seconds) &&
                seconds is > 0 and < 253402300799)
            {
                return DateTimeOffset.FromUnixTimeSeconds((long)seconds);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
