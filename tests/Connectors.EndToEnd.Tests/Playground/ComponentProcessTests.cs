using System.Diagnostics;
using System.Text;
using Connectors.EndToEnd.Tests.Support;
using Connectors.Kubernetes.Testing;

namespace Connectors.EndToEnd.Tests.Playground;

/// <summary>
/// The playground's components run as processes the way the Aspire app host (playground/Connectors.Playground.AppHost)
/// starts them: nothing but <c>ConnectionStrings__kube-auto</c> in their environment, pointing at a loopback cluster.
/// </summary>
public sealed class ComponentProcessTests
{
    [Fact]
    public async Task The_orchestrator_process_runs_its_pipeline_step_as_a_job_and_exits_0()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var identity = server.Identities.AddToken("e2e-orchestrator");

        var result = await ProcessRunner.RunAsync(
            "dotnet", [Built("Connectors.Playground.Orchestrator")], Path.GetTempPath(), Environment(server, identity), TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("log | ", result.Output, StringComparison.Ordinal);
        Assert.Contains("job train-model complete", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.Token!, result.Output, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Method == "POST" && r.Path == "/apis/batch/v1/namespaces/default/jobs" && r.User == identity.UserName);
    }

    [Fact]
    public async Task The_model_deployer_process_keeps_its_model_until_stopped_then_tears_it_down()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var identity = server.Identities.AddToken("e2e-deployer");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Built("Connectors.Playground.ModelDeployer"));
        foreach (var (name, value) in Environment(server, identity))
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        var deployed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.StartsWith("endpoint ", StringComparison.Ordinal))
            {
                deployed.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await deployed.Task.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.Contains(server.Requests, r => r.Method == "POST" && r.Path == "/apis/apps/v1/namespaces/default/deployments" && r.User == identity.UserName);
            Assert.DoesNotContain(server.Requests, r => r.Method == "DELETE");

            // How Aspire stops a resource's process: SIGTERM, then the host's graceful shutdown.
            using (var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the model deployer did not deploy and stop in time:" + System.Environment.NewLine + Text(output));
        }

        process.WaitForExit();
        var text = Text(output);
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("endpoint http://sentiment-model.", text, StringComparison.Ordinal);
        Assert.Contains("'sentiment-model' torn down", text, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Method == "DELETE" && r.Path == "/apis/apps/v1/namespaces/default/deployments/sentiment-model");
        Assert.DoesNotContain(identity.Token!, text, StringComparison.Ordinal);
    }

    /// <summary>What <c>WithReference(kube)</c> gives a component, in README's connection-string form, and nothing of the test runner's.</summary>
    private static Dictionary<string, string?> Environment(LoopbackKubernetesServer server, LoopbackIdentity identity)
    {
        var environment = Sandbox.CleanEnvironment();
        var certificateAuthority = Convert.ToBase64String(Encoding.UTF8.GetBytes(server.CertificateAuthorityPem));
        environment["ConnectionStrings__kube-auto"] =
            $"Server={server.Url.GetLeftPart(UriPartial.Authority)};AuthMethod=token;Token={identity.Token};CertificateAuthorityData={certificateAuthority}";
        return environment;
    }

    private static string Built(string project)
    {
        // The test assembly sits in bin/<Configuration>/net10.0; the components are built with the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Repository.File("playground", project, "bin", configuration, "net10.0", project + ".dll");
        Assert.True(File.Exists(path), $"{project} is not built at {path}");
        return path;
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
