using Connectors.Kubernetes;
using Connectors.Reliability.Tests.Support;
using CsCheck;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Fuzzing;

/// <summary>
/// The connection-string parser meets generated key/value lists (known keys in any case, unknown
/// keys, quoting, braces, stray separators): a spec or a coded error, and a parsed spec formats back
/// to a string that parses to the same spec.
/// </summary>
public sealed class ConnectionStringFuzzTests(ITestOutputHelper output)
{
    private const string Canary = "fuzz-canary-7f3a";

    private static readonly string[] Keys =
    [
        "Server", "ClusterName", "AuthMethod", "Token", "TokenFile", "Username", "Password", "CertificateAuthorityData",
        "ClientCertificateData", "ClientKeyData", "InsecureSkipTlsVerify", "TlsServerName", "Namespace", "ExpiresAt", "Exec",
        "server", "TOKEN", "authmethod", " Server ", "Unknown", "", "=", ";", "Server;",
    ];

    private static readonly Gen<string> Value = Gen.Frequency(
        (4, Fragments.Scalar),
        (2, Gen.OneOf("https://127.0.0.1:6443", "https://kube.example.test", "token", "password", "true", "false", "2030-01-01T00:00:00Z", "ml")),
        (1, Fragments.Scalar.Select(s => "\"" + s + "\"")),
        (1, Fragments.Scalar.Select(s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'")),
        (1, Fragments.Scalar.Select(s => "{" + s + "}")));

    private static readonly Gen<string> Pair = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(Keys), Value, (k, v) => k + "=" + v)),
        // The canary only ever sits in secret fields: those are the values that must not come back out.
        (1, Gen.OneOf("Token", "Password", "Username", "ClientKeyData", "token").Select(k => k + "=" + Canary)),
        (1, Fragments.Scalar));

    private static readonly Gen<string> ConnectionString =
        Gen.Select(Pair.Array[0, 12], Gen.OneOf(";", "; ", ";;", " ;"), (pairs, separator) => string.Join(separator, pairs));

    [Fact]
    public async Task Parser_gives_a_spec_or_a_coded_error_and_round_trips_what_it_accepts()
    {
        long accepted = 0;
        await FuzzRun.RunAsync(
            "connection string",
            ConnectionString,
            FuzzRun.Inputs(100_000),
            text =>
            {
                KubernetesConnectorSpec spec;
                try
                {
                    spec = KubernetesConnectionString.Parse("fuzz", text);
                }
                catch (KubernetesConnectorException ex)
                {
                    Assert.Matches("^KC1[0-9]{3}$", ex.Code);
                    // No exception for quoting: a quote left open that folds "Token=canary" into a
                    // non-secret value is refused by Parse naming keys only (it once echoed the value).
                    Assert.DoesNotContain(Canary, ex.Message, StringComparison.Ordinal);
                    return;
                }

                Interlocked.Increment(ref accepted);
                Assert.DoesNotContain(Canary, spec.ToString(), StringComparison.Ordinal);
                var again = KubernetesConnectionString.Parse("fuzz", KubernetesConnectionString.Format(spec));
                Assert.Equal(spec.Server, again.Server);
                Assert.Equal(spec.AuthMethod, again.AuthMethod);
                Assert.Equal(spec.Token?.Reveal(), again.Token?.Reveal());
                Assert.Equal(spec.Password?.Reveal(), again.Password?.Reveal());
                Assert.Equal(spec.Namespace, again.Namespace);
                Assert.Equal(spec.CertificateAuthorityData, again.CertificateAuthorityData);
            },
            output,
            perInput: TimeSpan.FromSeconds(10),
            wholeRun: TimeSpan.FromMinutes(FuzzRun.LongMode ? 30 : 3));

        output.WriteLine($"accepted (and round-tripped): {accepted}");
        Assert.True(accepted > 0, "the generator never produced an accepted connection string, so the round trip was not exercised");
    }
}
