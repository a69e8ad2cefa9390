// Shared source: compiled into the runtime, the MSBuild task and the CLI. BCL only.
using System.Text;

namespace Connectors.Kubernetes.Validation;

/// <summary>
/// Turns a certificate field as users write it — inline PEM, base64 of PEM or DER (standard or
/// url-safe alphabet, padding optional) or a file path — into PEM text.
/// </summary>
internal static class CertificateMaterial
{
    /// <summary>The form the value was given in.</summary>
    public enum Form
    {
        /// <summary>Inline PEM text.</summary>
        Pem,

        /// <summary>Base64 text.</summary>
        Base64,

        /// <summary>A file path.</summary>
        File,
    }

    /// <summary>
    /// Loads <paramref name="value"/> into PEM. Returns <see langword="null"/> and sets
    /// <paramref name="error"/> (a reason free of the value itself) when it cannot.
    /// </summary>
    /// <param name="value">The field value.</param>
    /// <param name="baseDirectory">Directory for relative paths; the current directory when null.</param>
    /// <param name="pemLabel">The PEM label used when the material is DER (e.g. <c>CERTIFICATE</c>).</param>
    /// <param name="secret">When true, the value is never echoed in <paramref name="error"/>.</param>
    /// <param name="form">The form that was recognized.</param>
    /// <param name="error">Why the value could not be loaded.</param>
    public static string? TryLoad(string value, string? baseDirectory, string pemLabel, bool secret, out Form form, out string? error)
    {
        error = null;
        form = Form.Pem;
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            error = "the value is empty";
            return null;
        }

        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return trimmed + "\n";
        }

        var path = LooksLikePath(trimmed) ? ResolvePath(trimmed, baseDirectory) : null;
        if (path is null || !File.Exists(path))
        {
            if (TryDecodeBase64(trimmed, out var bytes))
            {
                var fromBase64 = FromBytes(bytes, pemLabel);
                if (fromBase64 is not null)
                {
                    form = Form.Base64;
                    return fromBase64;
                }
            }

            form = Form.File;
            error = path is null || secret
                ? "the value is neither PEM text, base64 of PEM or DER data, nor an existing file"
                : "the file '" + path + "' does not exist (and the value is not PEM or base64 either)";
            return null;
        }

        form = Form.File;
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = "the file '" + path + "' cannot be read: " + e.Message;
            return null;
        }

        var fromFile = FromBytes(content, pemLabel);
        if (fromFile is null)
        {
            error = "the file '" + path + "' holds neither PEM text nor DER data";
        }

        return fromFile;
    }

    /// <summary>Resolves a possibly relative path against <paramref name="baseDirectory"/>.</summary>
    public static string ResolvePath(string path, string? baseDirectory)
    {
        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Substring(2));
        }

        return Path.IsPathRooted(path) || baseDirectory is null ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(baseDirectory, path));
    }

    /// <summary>Decodes standard or url-safe base64, with or without padding and line breaks.</summary>
    public static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = [];
        var builder = new StringBuilder(text.Length + 3);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or ' ' or '\t')
            {
                continue;
            }

            builder.Append(c switch { '-' => '+', '_' => '/', _ => c });
        }

        if (builder.Length == 0)
        {
            return false;
        }

        while (builder.Length % 4 != 0)
        {
            builder.Append('=');
        }

        try
        {
            bytes = Convert.FromBase64String(builder.ToString());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? FromBytes(byte[] bytes, string pemLabel)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        var skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var text = Encoding.UTF8.GetString(bytes, skip, bytes.Length - skip).Trim();
        if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return text + "\n";
        }

        // DER is an ASN.1 SEQUENCE: 0x30 followed by a length.
        return bytes[0] == 0x30 && bytes.Length > 16 ? PemFromDer(bytes, pemLabel) : null;
    }

    private static string PemFromDer(byte[] der, string label) =>
        "-----BEGIN " + label + "-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n") +
        "\n-----END " + label + "-----\n";

    private static bool LooksLikePath(string value) =>
        value.Length < 1024 && value.IndexOf('\n') < 0 && value.IndexOfAny(Path.GetInvalidPathChars()) < 0;
}
