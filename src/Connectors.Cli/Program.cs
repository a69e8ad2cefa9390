using Connectors.Kubernetes.Cli;
using Connectors.Kubernetes.Cli.Infrastructure;

// The process entry point: the real console, folder and environment; everything else is in CliApplication.
var context = ProcessContext.Create();
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await CliApplication.RunAsync(args, context, cancellation.Token).ConfigureAwait(false);
