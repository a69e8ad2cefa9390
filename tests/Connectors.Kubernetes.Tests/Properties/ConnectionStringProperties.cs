using CsCheck;

namespace Connectors.Kubernetes.Tests.Properties;

/// <summary>Format then parse gives back the same connector, whatever the values hold.</summary>
public sealed class ConnectionStringProperties
{
    // Characters that stress the format: separators, both quotes, spaces, '=' and non-ASCII.
    private static readonly Gen<char> Tricky = Gen.OneOf(Gen.Char["abcXYZ019;=\"' \t-_/+.:,{}[]\\é漢"], Gen.Char);

    private static readonly Gen<string> Raw = Gen.String[Tricky, 0, 24];

    /// <summary>Non-secret text fields are trimmed by design; they are generated trimmed and non-empty (or absent).</summary>
    private static readonly Gen<string?> Text = Gen.OneOf(
        Gen.Const((string?)null),
        Gen.String[Tricky, 1, 24].Where(s => s.Trim().Length != 0).Select(s => (string?)s.Trim()));

    private static readonly Gen<SecretValue?> Secret = Gen.OneOf(Gen.Const((SecretValue?)null), Raw.Select(s => (SecretValue?)new SecretValue(s)));

    private static readonly Gen<SecretValue?> NonBlankSecret = Gen.OneOf(
        Gen.Const((SecretValue?)null),
        Gen.String[Tricky, 1, 24].Where(s => s.Trim().Length != 0).Select(s => (SecretValue?)new SecretValue(s)));

    private static readonly Gen<string?> Pem = Gen.OneOf(
        Gen.Const((string?)null),
        Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"], 4, 200]
            .Select(body => (string?)("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n")));

    private static readonly Gen<DateTimeOffset?> Expiry = Gen.OneOf(
        Gen.Const((DateTimeOffset?)null),
        Gen.Select(Gen.Long[DateTimeOffset.UnixEpoch.Ticks, new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero).Ticks], Gen.Int[-14 * 60, 14 * 60],
            (ticks, offsetMinutes) => (DateTimeOffset?)new DateTimeOffset(ticks + (offsetMinutes * TimeSpan.TicksPerMinute), TimeSpan.FromMinutes(offsetMinutes))));

    private static readonly Gen<KubernetesConnectorSpec> Spec =
        Gen.Select(
            Gen.Select(Text.Where(s => s is not null), Text, Gen.Enum<KubernetesAuthMethod>(), Secret, Text, NonBlankSecret, NonBlankSecret, Gen.Bool),
            Gen.Select(Pem, Pem, Pem, Text, Text, Expiry),
            (a, b) => new KubernetesConnectorSpec
            {
                Name = "prop",
                Server = a.Item1!,
                ClusterName = a.Item2,
                AuthMethod = a.Item3,
                Token = a.Item4,
                TokenFile = a.Item5,
                Username = a.Item6,
                Password = a.Item7,
                InsecureSkipTlsVerify = a.Item8,
                CertificateAuthorityData = b.Item1,
                ClientCertificateData = b.Item2,
                ClientKeyData = SecretValue.From(b.Item3),
                TlsServerName = b.Item4,
                Namespace = b.Item5,
                ExpiresAt = b.Item6,
            });

    [Fact]
    public void Format_then_parse_is_the_identity() =>
        Spec.Sample(
            spec =>
            {
                var text = KubernetesConnectionString.Format(spec);
                var back = KubernetesConnectionString.Parse("prop", text);
                Assert.Equal(spec, back with { Sources = spec.Sources });
                Assert.Equal(text, KubernetesConnectionString.Format(back));
            },
            iter: 3000);

    [Fact]
    public void Parsing_arbitrary_text_fails_only_with_a_coded_connector_exception() =>
        Gen.String[Gen.OneOf(Gen.Char["SerTokn=;\"' AuthMethod"], Gen.Char), 0, 80].Sample(
            text =>
            {
                try
                {
                    KubernetesConnectionString.Parse("prop", text);
                }
                catch (KubernetesConnectorException e)
                {
                    Assert.StartsWith("KC1", e.Code);
                }
            },
            iter: 3000);
}
