using Connectors.Playground.Orchestrator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Run as a process by the Aspire app host (playground/Connectors.Playground.AppHost): the connector arrives as
// ConnectionStrings:kube-auto through WithReference and is validated at start-up; the step runs once, then the
// process ends with 0 when the Job succeeded.
var builder = Host.CreateApplicationBuilder(args);
builder.AddOrchestrator();
using var host = builder.Build();
await host.StartAsync();

var orchestrator = host.Services.GetRequiredService<OrchestratorComponent>();
var step = new PipelineStep("train-model", "busybox:1.36")
{
    Command = ["sh", "-c", "echo loading data; echo training; echo model saved"],
    Timeout = TimeSpan.FromMinutes(5),
};
var result = await orchestrator.Runner(builder.Configuration["Orchestrator:Namespace"] ?? "default")
    .RunAsync(step, line => Console.WriteLine("log | " + line));
Console.WriteLine(result.Succeeded ? $"job {result.JobName} complete" : $"pipeline step '{step.Name}' failed: {result.Reason}");

await host.StopAsync();
return result.Succeeded ? 0 : 1;
