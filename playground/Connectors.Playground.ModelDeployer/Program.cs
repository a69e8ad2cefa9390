using Connectors.Playground.ModelDeployer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Run as a process by the Aspire app host (playground/Connectors.Playground.AppHost): the connector arrives as
// ConnectionStrings:kube-auto through WithReference and is validated at start-up. The model stays deployed while
// the app host runs and is torn down when it stops this process.
var builder = Host.CreateApplicationBuilder(args);
ModelDeployerComponent.AddTo(builder);
using var host = builder.Build();
await host.StartAsync();

var deployment = host.Services.GetRequiredService<ModelDeployerComponent>()
    .Deployment(builder.Configuration["ModelDeployer:Namespace"] ?? "default");
var request = new ModelDeploymentRequest("sentiment-model", "nginx:1.27-alpine") { Port = 80, Replicas = 2 };
var endpoint = await deployment.DeployAsync(request);
Console.WriteLine($"endpoint {endpoint.Url} ({endpoint.ReadyReplicas} ready replicas)");

var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
try
{
    await Task.Delay(Timeout.Infinite, stopping);
}
catch (OperationCanceledException)
{
    // Asked to stop: tear down below.
}

await deployment.TeardownAsync(request.Name, CancellationToken.None);
Console.WriteLine($"'{request.Name}' torn down");
await host.StopAsync(CancellationToken.None);
