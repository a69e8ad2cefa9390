using System.Globalization;
using System.Text;

namespace Connectors.Kubernetes.Generators.Common;

/// <summary>Turns values into C# source fragments: string literals and XML-doc-safe text.</summary>
internal static class CSharpText
{
    /// <summary>A regular C# string literal (quoted); non-ASCII and control characters become escapes.</summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
        return text.ToString();
    }

    /// <summary>Escapes text for an XML documentation comment (and keeps it on one line).</summary>
    public static string Xml(string value) =>
        value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
}
