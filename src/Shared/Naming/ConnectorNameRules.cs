// Shared source: compiled into the runtime, the MSBuild task, the generator and the CLI.
// Keep it dependency-free and netstandard2.0-compatible (the generator targets netstandard2.0).
namespace Connectors.Kubernetes.Naming;

/// <summary>
/// The one definition of a valid connector name: 1–64 ASCII letters, digits and '-', starting with a
/// letter, without "--" and not ending with '-'. Such a name is valid as an Aspire resource name,
/// a kubeconfig context name and a configuration key.
/// </summary>
internal static class ConnectorNameRules
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Human-readable statement of the rule, used in every error message about names.</summary>
    public const string Description =
        "1-64 ASCII letters, digits and '-', starting with a letter, with no '--' and not ending with '-'";

    /// <summary>Returns <see langword="true"/> when <paramref name="name"/> follows the naming rule.</summary>
    public static bool IsValid(string? name) => Explain(name) is null;

    /// <summary>
    /// Returns <see langword="null"/> for a valid name, otherwise a short reason (without the name
    /// itself) that callers put into their coded message.
    /// </summary>
    public static string? Explain(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return "the name is empty";
        }

        if (name.Length > MaxLength)
        {
            return "the name is longer than " + MaxLength + " characters";
        }

        if (!IsAsciiLetter(name[0]))
        {
            return "the name must start with an ASCII letter";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-')
            {
                return "the name contains '" + Printable(c) + "'; only ASCII letters, digits and '-' are allowed";
            }

            if (c == '-' && i > 0 && name[i - 1] == '-')
            {
                return "the name contains '--'";
            }
        }

        if (name[name.Length - 1] == '-')
        {
            return "the name must not end with '-'";
        }

        return null;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static string Printable(char c) =>
        c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString();
}
