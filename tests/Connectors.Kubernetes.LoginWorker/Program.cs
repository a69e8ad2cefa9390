using Connectors.Kubernetes;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Login;

// Usage: login <kubeconfig> <cluster-name> <server>          (token from LOGIN_WORKER_TOKEN, never argv)
//        stall-before-rename <kubeconfig> <cluster-name> <server>
//        login-loop <kubeconfig> <name-prefix> <server>
// LOGIN_WORKER_LOCK_WAIT_MS sets how long a login waits for the lock (default 60 s).
// stall-before-rename prints "STALLED <temp file>" once the new kubeconfig is complete on disk but
// not yet renamed into place, then waits to be killed. login-loop logs in <prefix>-0, <prefix>-1, …
// without end, printing "DONE <entry>" after each login returned, until it is killed (the crash tests
// kill it at random moments, most of them inside a write).
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: login|stall-before-rename|login-loop <kubeconfig> <cluster-name> <server>");
    return 2;
}

var (mode, path, name, server) = (args[0], args[1], args[2], args[3]);
var lockWait = int.TryParse(Environment.GetEnvironmentVariable("LOGIN_WORKER_LOCK_WAIT_MS"), out var milliseconds)
    ? TimeSpan.FromMilliseconds(milliseconds)
    : TimeSpan.FromSeconds(60);
if (mode == "login-loop")
{
    for (var i = 0; ; i++)
    {
        var entry = $"{name}-{i}";
        await KubeconfigLogin.LoginAsync(
            new KubernetesConnectorSpec { Name = "worker", Server = server, ClusterName = entry, Token = new SecretValue(Environment.GetEnvironmentVariable("LOGIN_WORKER_TOKEN") ?? string.Empty) },
            new KubeconfigLoginOptions { KubeconfigPath = path, SetCurrentContext = false, LockWait = lockWait });
        Console.WriteLine("DONE " + entry);
        Console.Out.Flush();
    }
}

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
    await KubeconfigLogin.LoginAsync(spec, new KubeconfigLoginOptions { KubeconfigPath = path, SetCurrentContext = false, LockWait = lockWait });
    return 0;
}
catch (KubernetesConnectorException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
