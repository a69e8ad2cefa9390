using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Connectors.Kubernetes.Describe;

/// <summary>
/// Summarizes PEM certificates as "subject (until date)" by reading the DER itself. <c>describe</c> is a
/// cold-start path (a whole process per call, benchmarked against kubectl), and <see cref="X509Certificate2"/>
/// loads and initializes OpenSSL — a large share of that process's start for a value that needs only the
/// subject and the end date. Nothing here is trusted or verified: it is display text.
/// </summary>
internal static class CertificateSummary
{
    private const string CertificateLabel = "CERTIFICATE";

    /// <summary>Characters that make a distinguished-name value quoted.</summary>
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",+=\"<>#;\n");

    /// <summary>One line per certificate in <paramref name="pem"/>; a fixed phrase when there is none or it cannot be read.</summary>
    public static string Summarize(string pem)
    {
        var lines = new List<string>();
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            if (rest[fields.Label].SequenceEqual(CertificateLabel))
            {
                var der = new byte[fields.DecodedDataLength];
                if (!Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out var written) || !TryDescribe(der.AsMemory(0, written), out var line))
                {
                    return "unreadable PEM";
                }

                lines.Add(line);
            }

            rest = rest[fields.Location.End..];
        }

        return lines.Count == 0 ? "PEM without certificates" : string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// Reads <c>Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber,
    /// signature, issuer, validity SEQUENCE { notBefore, notAfter }, subject, … }, … }</c> (RFC 5280, 4.1).
    /// </summary>
    private static bool TryDescribe(ReadOnlyMemory<byte> der, out string line)
    {
        line = string.Empty;
        try
        {
            var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbs = certificate.ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                tbs.ReadEncodedValue();
            }

            tbs.ReadEncodedValue(); // serialNumber
            tbs.ReadEncodedValue(); // signature algorithm
            tbs.ReadEncodedValue(); // issuer
            var validity = tbs.ReadSequence();
            validity.ReadEncodedValue(); // notBefore
            var notAfter = ReadTime(validity);
            var subject = DistinguishedName(tbs.ReadSequence());
            line = subject + " (until " + notAfter.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")";
            return true;
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Formats a <c>Name</c> the way <see cref="X500DistinguishedName.Name"/> does (last RDN first, <c>", "</c>
    /// between them, well-known attribute keys, values quoted when they hold a separator), without
    /// <see cref="X500DistinguishedName"/>, whose decoder goes through OpenSSL on Linux.
    /// </summary>
    private static string DistinguishedName(AsnReader name)
    {
        var relativeNames = new List<string>();
        while (name.HasData)
        {
            var set = name.ReadSetOf();
            var attributes = new List<string>();
            while (set.HasData)
            {
                var attribute = set.ReadSequence();
                var oid = attribute.ReadObjectIdentifier();
                attributes.Add(Key(oid) + "=" + Quote(ReadValue(attribute)));
            }

            relativeNames.Add(string.Join(" + ", attributes));
        }

        relativeNames.Reverse();
        return string.Join(", ", relativeNames);
    }

    private static string Key(string oid) => oid switch
    {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "SERIALNUMBER",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "S",
        "2.5.4.9" => "STREET",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "T",
        "2.5.4.42" => "G",
        "2.5.4.43" => "I",
        "1.2.840.113549.1.9.1" => "E",
        "0.9.2342.19200300.100.1.25" => "DC",
        _ => "OID." + oid,
    };

    private static string ReadValue(AsnReader attribute)
    {
        var tag = attribute.PeekTag();
        if (tag.TagClass == TagClass.Universal && (UniversalTagNumber)tag.TagValue is
            UniversalTagNumber.UTF8String or UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String or
            UniversalTagNumber.BMPString or UniversalTagNumber.T61String or UniversalTagNumber.NumericString or
            UniversalTagNumber.VisibleString)
        {
            return attribute.ReadCharacterString((UniversalTagNumber)tag.TagValue);
        }

        return "#" + Convert.ToHexString(attribute.ReadEncodedValue().Span);
    }

    private static string Quote(string value) =>
        value.Length > 0 && (value.AsSpan().ContainsAny(Special) || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
