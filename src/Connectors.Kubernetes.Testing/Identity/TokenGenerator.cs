using System.Security.Cryptography;

namespace Connectors.Kubernetes.Testing;

/// <summary>Random opaque tokens, unguessable so that tests cannot pass by accident with a wrong one.</summary>
internal static class TokenGenerator
{
    public static string Create() => "lbk-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>A short lowercase suffix like the ones the API server appends for <c>generateName</c>.</summary>
    public static string Suffix(int length = 5)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
