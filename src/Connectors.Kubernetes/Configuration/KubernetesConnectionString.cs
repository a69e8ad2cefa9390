using System.Globalization;
using System.Text;

namespace Connectors.Kubernetes;

/// <summary>
/// The connector connection string: <c>Key=Value</c> pairs separated by <c>;</c>, keys as in
/// <see cref="KubernetesConnectorKeys"/> (case-insensitive). A value holding <c>;</c>, <c>=</c>, a quote or
/// surrounding spaces is wrapped in double quotes, a double quote inside doubled (<c>""</c>); single
/// quotes are accepted on input too. Certificate data is base64 of the PEM text.
/// </summary>
public static class KubernetesConnectionString
{
    /// <summary>Parses <paramref name="connectionString"/> into a spec named <paramref name="name"/>.</summary>
    /// <exception cref="KubernetesConnectorException">The text is malformed (<c>KC1101</c>), has an unknown (<c>KC1102</c>) or repeated (<c>KC1103</c>) key, a non-secret value that took in later <c>;Key=</c> pairs through an open quote (<c>KC1101</c>), or a value of the wrong form.</exception>
    public static KubernetesConnectorSpec Parse(string name, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(connectionString);
        var source = new KubernetesValueSource(KubernetesValueOrigin.ConnectionString, "ConnectionStrings:" + name);
        var values = new Dictionary<string, ConnectorFieldReader.RawValue>(StringComparer.Ordinal);
        foreach (var (key, value) in Split(connectionString))
        {
            var canonical = KubernetesConnectorKeys.Canonical(key) ?? throw new KubernetesConnectorException(
                KubernetesErrorCodes.UnknownKey,
                "The connection string of connector '" + name + "' has " + DescribeUnknownKey(key) + ". Valid keys: " + string.Join(", ", KubernetesConnectorKeys.All) + ".");
            // A quote left open in a non-secret value swallows the pairs after it, secrets included, and
            // the value is then echoed by error messages, describe and ToString. Refuse it naming only the key.
            if (!KubernetesConnectorKeys.Secrets.Contains(canonical) && SwallowedKey(value) is { } swallowed)
            {
                throw Syntax("the value of '" + canonical + "' holds ';" + swallowed + "=': a quote was probably left open and took in the keys after it. Close the quote right after the value");
            }

            if (!values.TryAdd(canonical, new ConnectorFieldReader.RawValue(value, source)))
            {
                throw new KubernetesConnectorException(
                    KubernetesErrorCodes.DuplicateKey,
                    "The connection string of connector '" + name + "' gives the key '" + canonical + "' more than once. Keep one.");
            }
        }

        return ConnectorFieldReader.Read(name, values);
    }

    /// <summary>
    /// Formats <paramref name="spec"/> as a connection string. The result contains the secrets in clear
    /// text: hand it only to a secret store or a child process environment, never to a log.
    /// </summary>
    public static string Format(KubernetesConnectorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var builder = new StringBuilder();
        void Add(string key, string? value)
        {
            if (value is null)
            {
                return;
            }

            if (builder.Length != 0)
            {
                builder.Append(';');
            }

            builder.Append(key).Append('=').Append(QuoteValue(value));
        }

        static string? Base64(string? pem) => pem is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));

        Add(KubernetesConnectorKeys.Server, spec.Server);
        Add(KubernetesConnectorKeys.ClusterName, spec.ClusterName);
        Add(KubernetesConnectorKeys.AuthMethod, spec.AuthMethod.ToWireName());
        Add(KubernetesConnectorKeys.Token, spec.Token?.Reveal());
        Add(KubernetesConnectorKeys.TokenFile, spec.TokenFile);
        Add(KubernetesConnectorKeys.Username, spec.Username?.Reveal());
        Add(KubernetesConnectorKeys.Password, spec.Password?.Reveal());
        Add(KubernetesConnectorKeys.CertificateAuthorityData, Base64(spec.CertificateAuthorityData));
        Add(KubernetesConnectorKeys.ClientCertificateData, Base64(spec.ClientCertificateData));
        Add(KubernetesConnectorKeys.ClientKeyData, Base64(spec.ClientKeyData?.Reveal()));
        Add(KubernetesConnectorKeys.InsecureSkipTlsVerify, spec.InsecureSkipTlsVerify ? "true" : null);
        Add(KubernetesConnectorKeys.TlsServerName, spec.TlsServerName);
        Add(KubernetesConnectorKeys.Namespace, spec.Namespace);
        Add(KubernetesConnectorKeys.ExpiresAt, spec.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    /// <summary>Splits the text into key/value pairs, unquoting values. Empty segments are skipped.</summary>
    internal static List<(string Key, string Value)> Split(string text)
    {
        var pairs = new List<(string, string)>();
        var i = 0;
        var segment = 0;
        while (i < text.Length)
        {
            segment++;
            var keyStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ';')
            {
                i++;
            }

            var key = text[keyStart..i].Trim();
            if (i >= text.Length || text[i] == ';')
            {
                if (key.Length != 0)
                {
                    throw Syntax("segment " + segment + " has no '=' (a value holding ';' must be quoted); write Key=Value pairs separated by ';'");
                }

                i++;
                continue;
            }

            if (key.Length == 0)
            {
                throw Syntax("a value at position " + i + " has no key");
            }

            i++; // '='
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            string value;
            if (i < text.Length && text[i] is '"' or '\'')
            {
                var quote = text[i++];
                var builder = new StringBuilder();
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw Syntax("the value of '" + key + "' opens a quote that is never closed");
                    }

                    if (text[i] == quote)
                    {
                        if (i + 1 < text.Length && text[i + 1] == quote)
                        {
                            builder.Append(quote);
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    builder.Append(text[i++]);
                }

                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < text.Length && text[i] != ';')
                {
                    throw Syntax("the quoted value of '" + key + "' is followed by text before the next ';'");
                }

                value = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] != ';')
                {
                    i++;
                }

                value = text[valueStart..i].TrimEnd();
            }

            pairs.Add((key, value));
            i++; // ';' or end
        }

        return pairs;
    }

    /// <summary>Quotes a value as <see cref="Format"/> does (shared with the app host's connection expressions).</summary>
    internal static string QuoteValue(string value)
    {
        var needsQuotes = value.Length != 0 &&
            (value.AsSpan().IndexOfAny(";=\"'") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Names an unknown key only when it looks like one: text that is not is likely part of an unquoted secret.</summary>
    internal static string DescribeUnknownKey(string key) =>
        key.Length <= 40 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':')
            ? "the unknown key '" + key + "'"
            : "an unknown key (not shown: it does not look like a key name and may be part of an unquoted value)";

    /// <summary>The first known key that follows a <c>;</c> inside <paramref name="value"/> as <c>Key=</c>, or null.</summary>
    internal static string? SwallowedKey(string value)
    {
        for (var i = value.IndexOf(';'); i >= 0; i = value.IndexOf(';', i + 1))
        {
            var equals = value.IndexOfAny([';', '='], i + 1);
            if (equals >= 0 && value[equals] == '=' && KubernetesConnectorKeys.Canonical(value[(i + 1)..equals].Trim()) is { } key)
            {
                return key;
            }
        }

        return null;
    }

    private static KubernetesConnectorException Syntax(string problem) =>
        new(KubernetesErrorCodes.ConnectionStringSyntax, "The connection string is malformed: " + problem + ".");
}
