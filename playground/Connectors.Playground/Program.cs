using Connectors.Playground;

// The end-to-end story of a Kubernetes Service Connector, run on an embedded loopback cluster
// (no set-up) or, with --kubeconfig F [--context C], against a real cluster in a namespace of its own.
var options = PlaygroundOptions.Parse(args);
if (options.Error is not null)
{
    Console.Error.WriteLine(options.Error);
    Console.Error.WriteLine(PlaygroundOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(PlaygroundOptions.Usage);
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await PlaygroundStory.RunAsync(options, Console.Out, cancellation.Token).ConfigureAwait(false);
