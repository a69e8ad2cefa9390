extern alias cli;
using System.Text.RegularExpressions;
using cli::Connectors.Kubernetes.Cli;
using cli::Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Testing;
using Connectors.Reliability.Tests.Support;
using CsCheck;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Fuzzing;

/// <summary>
/// The tool's root command, in process, meets generated argument lists made of its own verbs and
/// options mixed with odd values, against a real app host project in a temp folder with a private
/// HOME, KUBECONFIG and user-secrets root, and a loopback cluster that register, update, verify and
/// login really talk to. Every run ends with exit 0 or a coded error line; the "unexpected failure"
/// code (KC5121) and escaping exceptions are bugs, and the seeded connector's token never shows
/// unless <c>--show-secrets</c> asked for it.
/// </summary>
/// <remarks>
/// Nothing may leave loopback, so the arguments are made safe before they run, and each run checks it:
/// every <c>--server</c> value is the loopback cluster, a refused loopback port or a string that fails
/// validation before any connect (no host names at all, not even <c>.test</c> ones, since a later
/// <c>verify</c> would look them up); every <c>--kubeconfig</c> and <c>--project</c> value and every
/// path-like word stays inside the temp folder; <c>login</c> and <c>logout</c> always name the throwaway
/// kubeconfig. The kubeconfig the tool finds (KUBECONFIG) and the seeded connector point at loopback too.
/// </remarks>
public sealed partial class CliArgumentFuzzTests(ITestOutputHelper output)
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Exe</OutputType>
            <UserSecretsId>fuzz-apphost</UserSecretsId>
          </PropertyGroup>
        </Project>
        """;

    private static readonly string[] Verbs =
    [
        "list-types", "describe-type", "register", "list", "describe", "verify", "login", "logout", "update", "delete", "connect", "disconnect",
        "--help", "-h", "--version", "bogus",
    ];

    private static readonly string[] Options =
    [
        "--type", "--auth-method", "--detailed", "--server", "--cluster-name", "--label", "--namespace", "--output", "--token",
        "--show-secrets", "--username", "--password", "--ca", "--certificate-authority", "--auto-configure", "--client-certificate",
        "--context", "--kubeconfig", "--client-key", "--link", "--insecure", "--tls-server-name", "--expires-at", "--remove-attr",
        "--connector", "--project", "-p", "--no-verify", "--timeout", "--context-name", "--", "-", "-x", "--output=json",
    ];

    /// <summary>Options whose value is a server, a kubeconfig or a project: their values come only from the safe lists.</summary>
    private static readonly string[] GuardedOptions = ["--server", "--kubeconfig", "--project", "-p"];

    private static readonly Gen<string> Word = Gen.Frequency(
        (4, Gen.OneOf(Options)),
        (3, Fragments.Scalar),
        (2, Gen.OneOf("kube-prod", "kube-dev", "Kube_Bad!", "kubernetes", "token", "password", "json", "yaml", "table", "text",
            "team=ml", "=x", "@secret.txt", "@missing", "@", "../Component", "2020-01-01", "ca.crt", "5", "0", "-1", "1s", "loopback-admin@loopback")));

    /// <summary>
    /// A verb, often followed by the seeded connector's name (so verify, login, update and describe reach
    /// the cluster and the project), then words; each word carries a choice (0–99) that picks its safe
    /// value if it has to be replaced.
    /// </summary>
    private static readonly Gen<(string Verb, (string Word, int Choice)[] Words)> Arguments =
        Gen.Select(
            Gen.OneOf(Verbs),
            Gen.Frequency((1, Gen.Const(Array.Empty<(string, int)>())), (1, Gen.Const<(string, int)[]>([("kube-prod", 0)]))),
            Gen.Select(Word, Gen.Int[0, 99]).Array[0, 10],
            (verb, name, words) => (verb, name.Concat(words).ToArray()));

    [Fact]
    public async Task Every_command_line_ends_in_success_or_a_coded_error()
    {
        var root = Directory.CreateTempSubdirectory("fuzz-cli-").FullName;
        try
        {
            await using var server = await LoopbackKubernetesServer.StartAsync();
            var appHost = Path.Combine(root, "AppHost");
            var home = Path.Combine(root, "home");
            Directory.CreateDirectory(appHost);
            Directory.CreateDirectory(Path.Combine(root, "Component"));
            Directory.CreateDirectory(home);
            File.WriteAllText(Path.Combine(appHost, "AppHost.csproj"), Project);
            File.WriteAllText(Path.Combine(root, "Component", "Component.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            File.WriteAllText(Path.Combine(appHost, "secret.txt"), "fuzz-secret-value\n");
            File.WriteAllText(Path.Combine(appHost, "ca.crt"), server.CertificateAuthorityPem);
            var kubeconfig = Path.Combine(home, ".kube", "config");
            await server.WriteKubeconfigAsync(kubeconfig);
            var throwaway = Path.Combine(root, "throwaway-kubeconfig");
            await server.WriteKubeconfigAsync(throwaway);
            var environment = new Dictionary<string, string?>
            {
                ["HOME"] = home,
                [UserSecretsStoreRootVariable] = Path.Combine(home, ".microsoft", "usersecrets"),
                ["KUBECONFIG"] = kubeconfig,
            };
            var loopback = server.Url.GetLeftPart(UriPartial.Authority);
            var safe = new SafeValues(
                Servers:
                [
                    loopback, server.Url.ToString(), "https://127.0.0.1:1", "https://[::1]:1", "http://127.0.0.1:" + server.Port,
                    "https://", "https://[::1", "ftp://127.0.0.1", "127.0.0.1", string.Empty, "not a url", "https://127.0.0.1:99999", "a\0b",
                ],
                Kubeconfigs: [throwaway, kubeconfig, Path.Combine(root, "missing-kubeconfig"), Path.Combine(appHost, "AppHost.csproj"), string.Empty, "a\0b"],
                Projects: [appHost, Path.Combine(appHost, "AppHost.csproj"), "../Component", Path.Combine(root, "missing"), string.Empty, "a\0b"],
                Throwaway: throwaway);

            // A connector the fuzz can verify, log in with, update and describe: the loopback admin, its token the canary.
            var token = server.Identities.Admin.Token!;
            void Reseed()
            {
                var seeded = Run(["register", "kube-prod", "--server", loopback, "--token", token, "--ca", "ca.crt", "--namespace", "ml"], appHost, environment);
                Assert.True(seeded.Exit == 0 || seeded.Error.Contains("KC5106", StringComparison.Ordinal), seeded.Error);
            }

            Reseed();
            Assert.Contains("kube-prod", File.ReadAllText(Path.Combine(appHost, "AppHost.csproj")), StringComparison.Ordinal);

            long succeeded = 0;
            await FuzzRun.RunAsync(
                "cli arguments",
                Arguments.Select(generated => safe.Apply(generated.Verb, generated.Words)),
                FuzzRun.Inputs(CliInputs),
                args =>
                {
                    safe.AssertLoopbackOnly(args);
                    var (exit, stdout, stderr) = Run(args, appHost, environment);
                    if (args[0] == "delete" && exit == 0)
                    {
                        // Deleting the seeded connector would starve the rest of the run of cluster calls: it comes back.
                        Reseed();
                    }

                    var line = string.Join(' ', args);
                    Assert.False(stderr.Contains("KC5121", StringComparison.Ordinal), $"'{line}' hit an unexpected failure:\n{stderr}");
                    if (!args.Contains("--show-secrets"))
                    {
                        Assert.False((stdout + stderr).Contains(token, StringComparison.Ordinal), $"'{line}' printed the seeded connector's token");
                    }

                    if (exit == 0)
                    {
                        Interlocked.Increment(ref succeeded);
                    }
                    else
                    {
                        Assert.True(CodedError().IsMatch(stderr), $"'{line}' exited {exit} without a coded error:\n{stderr}");
                    }
                },
                output,
                perInput: TimeSpan.FromSeconds(10),
                wholeRun: TimeSpan.FromMinutes(FuzzRun.LongMode ? 90 : 3),
                threads: 1);
            output.WriteLine($"succeeded: {succeeded}; the loopback cluster saw {server.Requests.Count} recent requests, connections {server.Connections}");
            Assert.True(succeeded > 0);

            // What the fuzz left behind points at loopback only.
            foreach (var value in ServerAttribute().Matches(File.ReadAllText(Path.Combine(appHost, "AppHost.csproj"))).Select(m => m.Groups[1].Value))
            {
                Assert.True(safe.Servers.Contains(value), $"the project holds Server=\"{value}\"");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (int Exit, string Output, string Error) Run(string[] args, string appHost, Dictionary<string, string?> environment)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // Standard input of its own: '-' secrets read it (the test host's own stdin must never be touched).
        var context = new CliContext(stdout, stderr, appHost, name => environment.GetValueOrDefault(name))
        {
            Width = 120,
            StandardInput = new StringReader("fuzz-stdin-secret\n"),
        };
        try
        {
            var exit = CliApplication.RunAsync(args, context).GetAwaiter().GetResult();
            return (exit, stdout.ToString(), stderr.ToString());
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"'{string.Join(' ', args)}' threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>The values that may reach the tool where a server, kubeconfig or project is named, and the rewrite that enforces them.</summary>
    private sealed record SafeValues(string[] Servers, string[] Kubeconfigs, string[] Projects, string Throwaway)
    {
        public string[] Apply(string verb, (string Word, int Choice)[] words)
        {
            var args = new List<string> { verb };
            if (verb is "login" or "logout")
            {
                args.Add("--kubeconfig");
                args.Add(Throwaway);
            }

            string? guarded = null;
            foreach (var (word, choice) in words)
            {
                args.Add(guarded switch
                {
                    "--server" => Servers[choice % Servers.Length],
                    "--kubeconfig" => Kubeconfigs[choice % Kubeconfigs.Length],
                    "--project" or "-p" => Projects[choice % Projects.Length],
                    _ when GuardedOptions.Contains(word) => word,
                    _ when IsGuardedJoined(word) || (EscapesRoot(word) && word != "../Component") => "../Component",
                    _ => word,
                });
                guarded = guarded is null && GuardedOptions.Contains(word) ? word : null;
            }

            return [.. args];
        }

        /// <summary>The proof: fails the run if an argument could name a server, kubeconfig or project outside the safe lists.</summary>
        public void AssertLoopbackOnly(string[] args)
        {
            for (var i = 1; i < args.Length; i++)
            {
                var previous = args[i - 1];
                var allowed = previous switch
                {
                    "--server" => Servers.Contains(args[i]),
                    "--kubeconfig" => Kubeconfigs.Contains(args[i]),
                    "--project" or "-p" => Projects.Contains(args[i]),
                    _ => GuardedOptions.Contains(args[i]) || (!IsGuardedJoined(args[i]) && (!EscapesRoot(args[i]) || args[i] == "../Component")),
                };
                Assert.True(allowed, $"unsafe argument '{args[i]}' after '{previous}' in: {string.Join(' ', args)}");
            }

            if (args[0] is "login" or "logout")
            {
                Assert.Equal(["--kubeconfig", Throwaway], args[1..3]);
            }
        }

        // "--server=x", "--server:x", "-px": the option and its value in one word.
        private static bool IsGuardedJoined(string word) =>
            GuardedOptions.Any(option => word.Length > option.Length && word.StartsWith(option, StringComparison.Ordinal));

        // A path that could leave the temp folder: upward, home-relative, rooted (but /dev/null), a drive; also behind '@'.
        private static bool EscapesRoot(string word) =>
            word.Contains("..", StringComparison.Ordinal) || word.StartsWith('~') || word.Contains(':') && word.Contains('\\')
            || (word.StartsWith('/') && word != "/dev/null") || word.StartsWith('\\') || (word.StartsWith('@') && EscapesRoot(word[1..]));
    }

    [Theory]
    [InlineData("list --project")]
    [InlineData("register kube-dev --auto-configure --kubeconfig")]
    public async Task A_path_option_holding_a_nul_character_is_a_usage_error(string commandLine)
    {
        // Found by the fuzzer: Path.GetFullPath threw ArgumentException, reported as KC5121 "this is a bug".
        var folder = Directory.CreateTempSubdirectory("fuzz-cli-nul-").FullName;
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var context = new CliContext(stdout, stderr, folder, _ => null);
            var exit = await CliApplication.RunAsync([.. commandLine.Split(' '), "a\0b"], context);
            Assert.Equal(2, exit);
            Assert.Contains("error KC5100: ", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("NUL", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Fast-mode count: each run builds the whole command tree, touches the project and may talk to the cluster, so far fewer than the pure parsers.</summary>
    private const long CliInputs = 20_000;

    private const string UserSecretsStoreRootVariable = "CONNECTORS_USER_SECRETS_ROOT";

    [GeneratedRegex(@"\bServer=""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex ServerAttribute();

    [GeneratedRegex(@"(^|\n)error KC[0-9]{4}: ", RegexOptions.CultureInvariant)]
    private static partial Regex CodedError();
}
