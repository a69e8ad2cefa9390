using System.Diagnostics;
using System.Globalization;
using Connectors.Kubernetes;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Describe;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Login;
using Connectors.Kubernetes.Testing;
using Connectors.Playground.ModelDeployer;
using Connectors.Playground.Orchestrator;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connectors.Playground;

/// <summary>
/// The whole connector story: a cluster, auto-configure, describe, verify, kubectl login, then an
/// orchestrator and a model deployer that receive injected clients and never see a credential.
/// </summary>
internal static class PlaygroundStory
{
    private const string ConnectorName = "kube-auto";

    public static async Task<int> RunAsync(PlaygroundOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var progress = new ConsoleProgress(output);
        var workspace = Directory.CreateTempSubdirectory("connectors-playground-");
        LoopbackKubernetesServer? cluster = null;
        try
        {
            string kubeconfigPath;
            if (options.Kubeconfig is null)
            {
                cluster = await progress.StepAsync("Start the embedded loopback Kubernetes cluster", () =>
                    LoopbackKubernetesServer.StartAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
                kubeconfigPath = Path.Combine(workspace.FullName, "kubeconfig");
                await cluster.WriteKubeconfigAsync(kubeconfigPath, cancellationToken: cancellationToken).ConfigureAwait(false);
                progress.Detail($"API server {cluster.Url} (TLS with a CA generated at start)");
                progress.Detail($"throwaway kubeconfig {kubeconfigPath}");
            }
            else
            {
                kubeconfigPath = options.Kubeconfig;
                progress.Detail($"using the cluster of {kubeconfigPath}" + (options.Context is null ? string.Empty : $", context {options.Context}"));
            }

            var spec = await progress.StepAsync($"Register connector '{ConnectorName}' by auto-configure", () =>
                KubernetesAutoConfigure.ConfigureAsync(
                    ConnectorName,
                    new KubernetesAutoConfigureOptions { Kubeconfig = kubeconfigPath, Context = options.Context },
                    cancellationToken)).ConfigureAwait(false);
            progress.Detail($"auth method {spec.AuthMethod.ToWireName()}, resource kubernetes-cluster '{spec.EffectiveClusterName}'");

            await progress.StepAsync("Describe the connector (secrets hidden)", () =>
            {
                progress.Block(KubernetesConnectorDescriber.Describe(spec).ToText());
                return Task.CompletedTask;
            }).ConfigureAwait(false);

            await progress.StepAsync("Verify the connector's credentials", async () =>
            {
                using var connector = KubernetesConnectorClient.Create(spec);
                var verification = await connector.VerifyAsync(cancellationToken).ConfigureAwait(false);
                if (!verification.Succeeded)
                {
                    throw new PlaygroundException($"{verification.Code}: {verification.Message}");
                }

                progress.Detail($"identity {verification.Identity?.Username} (groups: {string.Join(", ", verification.Identity?.Groups ?? [])})");
                progress.Detail($"server version {verification.ServerVersion}, latency {verification.Latency.TotalMilliseconds:F0} ms, proven by {verification.ProvenBy}");
            }).ConfigureAwait(false);

            var loginKubeconfig = Path.Combine(workspace.FullName, "login", "config");
            await progress.StepAsync("Log kubectl in (a throwaway kubeconfig, never yours)", async () =>
            {
                var login = await KubeconfigLogin.LoginAsync(
                    spec, new KubeconfigLoginOptions { KubeconfigPath = loginKubeconfig }, cancellationToken).ConfigureAwait(false);
                progress.Detail($"wrote context '{login.ContextName}' to {login.KubeconfigPath}" + (login.CurrentContextChanged ? " (now current)" : string.Empty));
                await ShowKubectlAsync(loginKubeconfig, progress, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);

            await RunComponentsAsync(spec, progress, cancellationToken).ConfigureAwait(false);

            output.WriteLine();
            output.WriteLine($"Summary: connector '{ConnectorName}' auto-configured, described, verified and used by the orchestrator and the model deployer" +
                (cluster is null ? " on your cluster." : " on the embedded loopback cluster."));
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.WriteLine("playground: cancelled.");
            return 130;
        }
        catch (Exception ex) when (ex is KubernetesConnectorException or PlaygroundException or k8s.Autorest.HttpOperationException or HttpRequestException or IOException)
        {
            output.WriteLine();
            output.WriteLine($"playground failed: {Describe(ex)}");
            return 1;
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
            }

            TryDelete(workspace);
        }
    }

    private static async Task RunComponentsAsync(KubernetesConnectorSpec spec, ConsoleProgress progress, CancellationToken cancellationToken)
    {
        // The components get the connector the way they would from an Aspire app host: as the
        // connection string ConnectionStrings:kube-auto. It stays in memory, never on a command line.
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + ConnectorName] = KubernetesConnectionString.Format(spec),
        });
        builder.AddOrchestrator();
        ModelDeployerComponent.AddTo(builder);

        using var host = builder.Build();
        await progress.StepAsync("Start the components (connector validated at start-up)", () => host.StartAsync(cancellationToken)).ConfigureAwait(false);

        var orchestrator = host.Services.GetRequiredService<OrchestratorComponent>();
        var deployer = host.Services.GetRequiredService<ModelDeployerComponent>();
        var ns = "connectors-playground-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await progress.StepAsync($"Create namespace '{ns}' for this run", () =>
                orchestrator.Kubernetes.CoreV1.CreateNamespaceAsync(
                    new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: cancellationToken)).ConfigureAwait(false);

            var step = new PipelineStep("train-model", "busybox:1.36")
            {
                Command = ["sh", "-c", "echo loading data; echo training; echo model saved"],
                Timeout = TimeSpan.FromMinutes(5),
            };
            var run = await progress.StepAsync("Orchestrator: run pipeline step 'train-model' as a Job", () =>
                orchestrator.Runner(ns).RunAsync(step, line => progress.Detail("log | " + line), cancellationToken)).ConfigureAwait(false);
            if (!run.Succeeded)
            {
                throw new PlaygroundException($"pipeline step '{step.Name}' failed: {run.Reason}");
            }

            progress.Detail($"job {run.JobName} complete (pod {run.PodName}, {run.LogLines.Count} log lines)");

            var deployment = deployer.Deployment(ns);
            var request = new ModelDeploymentRequest("sentiment-model", "nginx:1.27-alpine") { Port = 80, Replicas = 2 };
            var endpoint = await progress.StepAsync("Model deployer: roll out Deployment and Service 'sentiment-model'", () =>
                deployment.DeployAsync(request, cancellationToken)).ConfigureAwait(false);
            progress.Detail($"endpoint {endpoint.Url} ({endpoint.ReadyReplicas.ToString(CultureInfo.InvariantCulture)} ready replicas)");

            await progress.StepAsync("Model deployer: tear down 'sentiment-model'", () =>
                deployment.TeardownAsync(request.Name, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            // Best effort: the run's namespace goes even when a step failed.
            try
            {
                await orchestrator.Kubernetes.CoreV1.DeleteNamespaceAsync(ns, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                progress.Detail($"namespace '{ns}' removed");
            }
            catch (Exception ex) when (ex is k8s.Autorest.HttpOperationException or HttpRequestException)
            {
                progress.Detail($"could not remove namespace '{ns}': {ex.Message}");
            }

            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ShowKubectlAsync(string kubeconfig, ConsoleProgress progress, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("get");
        start.ArgumentList.Add("ns");
        // Only this child process sees the throwaway kubeconfig.
        start.Environment["KUBECONFIG"] = kubeconfig;

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            progress.Detail("kubectl is not installed here: skipping `kubectl get ns`");
            return;
        }

        if (process is null)
        {
            progress.Detail("kubectl could not be started: skipping `kubectl get ns`");
            return;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new PlaygroundException($"`kubectl get ns` failed with exit code {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}");
            }

            progress.Detail("$ kubectl get ns");
            progress.Block((await stdout.ConfigureAwait(false)).TrimEnd());
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        KubernetesConnectorException coded => coded.Message,
        k8s.Autorest.HttpOperationException http => $"the API server answered {(int)http.Response.StatusCode}: {http.Response.ReasonPhrase}",
        _ => ex.Message,
    };

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
