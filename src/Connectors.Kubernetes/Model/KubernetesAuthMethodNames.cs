using System.Diagnostics.CodeAnalysis;

namespace Connectors.Kubernetes;

/// <summary>Converts <see cref="KubernetesAuthMethod"/> to and from its wire name.</summary>
public static class KubernetesAuthMethodNames
{
    /// <summary>The wire name of <see cref="KubernetesAuthMethod.Token"/>.</summary>
    public const string Token = "token";

    /// <summary>The wire name of <see cref="KubernetesAuthMethod.Password"/>.</summary>
    public const string Password = "password";

    /// <summary>Returns <c>token</c> or <c>password</c>.</summary>
    public static string ToWireName(this KubernetesAuthMethod method) => method switch
    {
        KubernetesAuthMethod.Token => Token,
        KubernetesAuthMethod.Password => Password,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown auth method."),
    };

    /// <summary>Parses a wire name, ignoring case and surrounding white space.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out KubernetesAuthMethod method)
    {
        method = KubernetesAuthMethod.Token;
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, Token, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(trimmed, Password, StringComparison.OrdinalIgnoreCase))
        {
            method = KubernetesAuthMethod.Password;
            return true;
        }

        return false;
    }
}
