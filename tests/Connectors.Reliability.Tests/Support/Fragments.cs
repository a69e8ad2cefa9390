using CsCheck;

namespace Connectors.Reliability.Tests.Support;

/// <summary>Generators of the awkward text parsers meet: control characters, quotes, YAML indicators, huge and odd scalars.</summary>
internal static class Fragments
{
    /// <summary>Scalars that have broken parsers before: empty, YAML specials, quotes, escapes, unicode, long runs.</summary>
    public static readonly string[] OddScalars =
    [
        "", " ", "~", "null", "[]", "{}", "\"\"", "''", "\"unterminated", "'unterminated", "&a x", "*a", "!!binary AAAA", "|", ">-",
        "- item", ": x", "a: b: c", "#comment", "\t", "\r\n", "\0", "\u00e9\u4e2d\U0001F600", "\uFFFD", "\\", "%TAG ! x",
        "---", "...", "true", "False", "0x10", "1e309", "-1", "9999999999999999999999", "https://", "https://[::1", "http://x:99999",
        "https://127.0.0.1:6443", "https://kube.example.test", "user:pass@host", "LS0tLS1CRUdJTg==", "-----BEGIN CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "====", "a==b", "%%%%", "../../etc/passwd", "/dev/null",
        "C:\\x", new string('a', 5000), new string('[', 300), new string('{', 300), "token;Server=x", "a=b;c", "{;}", "{{}}", "}",
    ];

    /// <summary>One odd scalar, or random text over a mixed alphabet.</summary>
    public static readonly Gen<string> Scalar = Gen.Frequency(
        (3, Gen.OneOf(OddScalars)),
        (2, Gen.String[Gen.Char.AlphaNumeric, 0, 24]),
        (1, Gen.String[Gen.Char, 0, 40]),
        (1, Gen.String[Gen.Char["-:;={}[]'\"#&*!|>%@,\\ \t\n.~?/"], 0, 24]));
}
