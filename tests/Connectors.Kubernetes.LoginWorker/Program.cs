using Connectors.Kubernetes;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Login;

// Usage: login <kubeconfig> <cluster-name> <server>          (token from LOGIN_WORKER_TOKEN, never argv)
//        stall-before-rename <kubeconfig> <cluster-name> <server>
// The second prints "STALLED <temp file>" once the new kubeconfig is complete on disk but not yet
// renamed into place, then waits to be killed.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: login|stall-before-rename <kubeconfig> <cluster-name> <server>");
    return 2;
}

var (mode, path, name, server) = (args[0], args[1], args[2], args[3]);
if (mode == "stall-before-rename")
{
    KubeconfigAtomicFile.BeforeRenameForTests = temporary =>
    {
        Console.WriteLine("STALLED " + temporary);
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    };
}

var spec = new KubernetesConnectorSpec
{
    Name = "worker",
    Server = server,
    ClusterName = name,
    Token = new SecretValue(Environment.GetEnvironmentVariable("LOGIN_WORKER_TOKEN") ?? string.Empty),
};
try
{
    await KubeconfigLogin.LoginAsync(spec, new KubeconfigLoginOptions { KubeconfigPath = path, SetCurrentContext = false, LockWait = TimeSpan.FromSeconds(60) });
    return 0;
}
catch (KubernetesConnectorException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
