using Connectors.Kubernetes.Testing;

// The playground's components under Aspire. The connector auto-configures from a throwaway kubeconfig of the
// embedded loopback cluster (never yours), so nothing leaves 127.0.0.1; for a real cluster, drop the loopback
// lines and write .WithAutoConfigure(context: "my-context") instead.
var builder = DistributedApplication.CreateBuilder(args);

await using var cluster = await LoopbackKubernetesServer.StartAsync();
var workspace = Directory.CreateTempSubdirectory("connectors-apphost-");
var kubeconfig = await cluster.WriteKubeconfigAsync(Path.Combine(workspace.FullName, "config"));

var kube = builder.AddKubernetesConnector("kube-auto")
                  .WithAutoConfigure(kubeconfig: kubeconfig);

builder.AddProject<Projects.Connectors_Playground_Orchestrator>("orchestrator")
       .WithReference(kube);
builder.AddProject<Projects.Connectors_Playground_ModelDeployer>("model-deployer")
       .WithReference(kube);

try
{
    await builder.Build().RunAsync();
}
finally
{
    workspace.Delete(recursive: true);
}
