using System.Text;

namespace Connectors.Kubernetes.Tests.Support;

/// <summary>Builds unsigned JWT-shaped tokens with a chosen exp claim.</summary>
internal static class Jwt
{
    public static string WithExpiry(DateTimeOffset expiresAt) =>
        Part("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." +
        Part("{\"iss\":\"test\",\"sub\":\"system:serviceaccount:ml:runner\",\"exp\":" + expiresAt.ToUnixTimeSeconds() + "}") + ".c2lnbmF0dXJl";

    private static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
