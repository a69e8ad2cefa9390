extern alias cli;
using cli::Connectors.Kubernetes.Cli;
using cli::Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Testing;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Canaries;

/// <summary>
/// The tool, in process, registers connectors whose token, password and client key (generated now) are
/// canaries read from files, then lists, describes, verifies (success and a wrong canary token), logs in
/// and out — in every output format. Standard output and error, the project file and every other file
/// the tool wrote are scanned; only the user secrets and the kubeconfig login wrote may hold a canary
/// (that is where secrets belong, and the test checks they are there).
/// </summary>
public sealed class CliCanaryTests(ITestOutputHelper output)
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Exe</OutputType>
          </PropertyGroup>
        </Project>
        """;

    [Fact]
    public async Task Register_list_describe_verify_login_and_logout_output_hold_no_canary()
    {
        var sweep = new CanarySweep(output);
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = sweep.Token("token");
        var password = sweep.Token("password");
        var wrong = sweep.Token("wrong token");
        server.Identities.AddToken("canary-token-user", token);
        server.Identities.AddBasic("canary-basic-user", password);
        var certificateUser = server.Identities.AddClientCertificate("canary-certificate-user");
        sweep.Watch("client key", certificateUser.ClientKeyPem!, certificateUser.ClientCertificatePem);

        var root = Directory.CreateTempSubdirectory("canary-cli-").FullName;
        try
        {
            var appHost = Path.Combine(root, "AppHost");
            var home = Path.Combine(root, "home");
            var inputs = Path.Combine(root, "inputs");
            Directory.CreateDirectory(appHost);
            Directory.CreateDirectory(home);
            Directory.CreateDirectory(inputs);
            File.WriteAllText(Path.Combine(appHost, "AppHost.csproj"), Project);
            string Input(string name, string text)
            {
                var path = Path.Combine(inputs, name);
                File.WriteAllText(path, text + "\n");
                return path;
            }

            var ca = Input("ca.crt", server.CertificateAuthorityPem);
            var tokenFile = Input("token", token);
            var passwordFile = Input("password", password);
            var wrongFile = Input("wrong", wrong);
            var certificate = Input("client.crt", certificateUser.ClientCertificatePem!);
            var key = Input("client.key", certificateUser.ClientKeyPem!);
            var kubeconfig = Path.Combine(home, ".kube", "config");
            var secretsRoot = Path.Combine(home, ".microsoft", "usersecrets");
            var environment = new Dictionary<string, string?>
            {
                ["HOME"] = home,
                ["CONNECTORS_USER_SECRETS_ROOT"] = secretsRoot,
                ["KUBECONFIG"] = kubeconfig,
            };
            var runs = 0;
            async Task<int> RunAsync(params string[] args)
            {
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                var context = new CliContext(stdout, stderr, appHost, name => environment.GetValueOrDefault(name)) { Width = 160 };
                var exit = await CliApplication.RunAsync(args, context);
                var commandLine = string.Join(' ', args);
                sweep.ScanText($"'{commandLine}' stdout", stdout.ToString());
                sweep.ScanText($"'{commandLine}' stderr", stderr.ToString());
                runs++;
                return exit;
            }

            var server_ = server.Url.GetLeftPart(UriPartial.Authority);
            Assert.Equal(0, await RunAsync("register", "kube-token", "--server", server_, "--token", "@" + tokenFile, "--ca", ca, "--cluster-name", "loop-token"));
            Assert.Equal(0, await RunAsync("register", "kube-basic", "--server", server_, "--auth-method", "password", "--username", "canary-basic-user", "--password", "@" + passwordFile, "--ca", ca, "-o", "json"));
            Assert.Equal(0, await RunAsync("register", "kube-cert", "--server", server_, "--client-certificate", certificate, "--client-key", key, "--ca", ca, "-o", "yaml"));
            Assert.Equal(6, await RunAsync("register", "kube-wrong", "--server", server_, "--token", "@" + wrongFile, "--ca", ca));
            Assert.Equal(0, await RunAsync("register", "kube-wrong", "--server", server_, "--token", "@" + wrongFile, "--ca", ca, "--no-verify"));
            foreach (var format in new[] { "table", "json", "yaml" })
            {
                Assert.Equal(0, await RunAsync("list", "-o", format));
                foreach (var name in new[] { "kube-token", "kube-basic", "kube-cert", "kube-wrong" })
                {
                    Assert.Equal(0, await RunAsync("describe", name, "-o", format));
                    Assert.Equal(name == "kube-wrong" ? 6 : 0, await RunAsync("verify", name, "-o", format));
                }
            }

            foreach (var (name, format) in new[] { ("kube-token", "table"), ("kube-basic", "json"), ("kube-cert", "yaml") })
            {
                Assert.Equal(0, await RunAsync("login", name, "--kubeconfig", kubeconfig, "-o", format));
            }

            Assert.Equal(0, await RunAsync("update", "kube-wrong", "--token", "@" + tokenFile));
            Assert.Equal(0, await RunAsync("logout", "kube-basic", "--kubeconfig", kubeconfig));
            Assert.Equal(0, await RunAsync("delete", "kube-wrong"));

            // The secrets went where they belong: user secrets, and the kubeconfig login wrote.
            var secrets = Directory.GetFiles(secretsRoot, "secrets.json", SearchOption.AllDirectories).Single();
            Assert.True(CanarySweep.Holds(File.ReadAllText(secrets), token), "the token is not in the user secrets");
            Assert.True(CanarySweep.Holds(File.ReadAllText(kubeconfig), token), "login did not write the token");
            Assert.False(CanarySweep.Holds(File.ReadAllText(kubeconfig), password), "logout left the password");

            // Everything else the tool wrote or touched: the project, locks, leftovers, other files under HOME.
            var files = sweep.ScanDirectory(root, file => file == secrets || file == kubeconfig || file.StartsWith(inputs + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            Assert.True(files >= 1);
            output.WriteLine($"{runs} tool runs");
            sweep.AssertNoHits("cli");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
