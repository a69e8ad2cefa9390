using System.Globalization;
using YamlDotNet.Core;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// Reads YAML scalars the way kubectl does: its YAML library resolves plain scalars with YAML 1.1
/// rules (<c>yes</c>/<c>on</c> are booleans, <c>~</c> is null, <c>0x1F</c> is a number) and then
/// decodes JSON into typed fields, so a number where a string belongs is an error.
/// </summary>
internal static class YamlScalars
{
    private static readonly HashSet<string> Trues = new(StringComparer.Ordinal) { "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" };

    private static readonly HashSet<string> Falses = new(StringComparer.Ordinal) { "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" };

    private static readonly System.Buffers.SearchValues<char> OctalDigits = System.Buffers.SearchValues.Create("01234567");

    /// <summary>The JSON kind a node becomes.</summary>
    internal enum Kind
    {
        Null,
        String,
        Bool,
        Number,
        Map,
        List,
    }

    public static Kind KindOf(YamlTreeNode node)
    {
        switch (node)
        {
            case YamlTreeMapping:
                return Kind.Map;
            case YamlTreeSequence:
                return Kind.List;
            case YamlTreeScalar scalar:
                var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
                if (tag is not null && tag != "!")
                {
                    return tag switch
                    {
                        "tag:yaml.org,2002:str" or "!!str" => Kind.String,
                        "tag:yaml.org,2002:bool" or "!!bool" => Kind.Bool,
                        "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" => Kind.Number,
                        "tag:yaml.org,2002:null" => Kind.Null,
                        _ => Kind.String,
                    };
                }

                if (scalar.Style != ScalarStyle.Plain || tag == "!")
                {
                    return Kind.String;
                }

                var value = scalar.Value ?? string.Empty;
                if (value.Length == 0 || value is "~" or "null" or "Null" or "NULL")
                {
                    return Kind.Null;
                }

                if (Trues.Contains(value) || Falses.Contains(value))
                {
                    return Kind.Bool;
                }

                return IsNumber(value) ? Kind.Number : Kind.String;
            default:
                return Kind.Null;
        }
    }

    public static bool IsTrue(YamlTreeScalar node) => Trues.Contains(node.Value ?? string.Empty) || string.Equals(node.Value, "true", StringComparison.OrdinalIgnoreCase);

    private static bool IsNumber(string value)
    {
        var first = value[0];
        if ("-+0123456789.".IndexOf(first, StringComparison.Ordinal) < 0)
        {
            return false;
        }

        var plain = value.Replace("_", string.Empty, StringComparison.Ordinal);
        var unsigned = plain.TrimStart('-', '+');
        if (unsigned.StartsWith("0x", StringComparison.Ordinal))
        {
            return unsigned.Length > 2 && long.TryParse(unsigned.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _);
        }

        if (unsigned.StartsWith("0b", StringComparison.Ordinal))
        {
            return unsigned.Length > 2 && unsigned.AsSpan(2).IndexOfAnyExcept('0', '1') < 0;
        }

        if (unsigned.Length > 1 && unsigned[0] == '0' && unsigned.AsSpan().IndexOfAnyExcept(OctalDigits) < 0)
        {
            return true;
        }

        if (long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ||
            ulong.TryParse(plain, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return true;
        }

        // YAML 1.1 float form: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        var i = first is '-' or '+' ? 1 : 0;
        var digits = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
            digits++;
        }

        if (i < value.Length && value[i] == '.')
        {
            i++;
            var fraction = 0;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
                fraction++;
            }

            if (digits == 0 && fraction == 0)
            {
                return false;
            }
        }
        else if (digits == 0)
        {
            return false;
        }

        if (i < value.Length && value[i] is 'e' or 'E')
        {
            i++;
            if (i < value.Length && value[i] is '-' or '+')
            {
                i++;
            }

            var exponent = 0;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
                exponent++;
            }

            if (exponent == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }
}
