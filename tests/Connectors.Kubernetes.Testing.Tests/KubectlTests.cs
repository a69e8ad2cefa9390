using Connectors.Kubernetes.Testing.Tests.Support;

namespace Connectors.Kubernetes.Testing.Tests;

/// <summary>The real kubectl against the loopback server, configured only by an emitted kubeconfig.</summary>
public sealed class KubectlTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: registry.example.test/web:1.0
                ports:
                - containerPort: 8080
        """;

    public static TheoryData<LoopbackIdentityKind> AuthMethods => new() { LoopbackIdentityKind.Token, LoopbackIdentityKind.Basic, LoopbackIdentityKind.ClientCertificate };

    [SkippableTheory]
    [MemberData(nameof(AuthMethods))]
    public async Task Kubectl_get_ns_get_pods_and_whoami_work_with_each_auth_method(LoopbackIdentityKind kind)
    {
        Kubectl.SkipIfMissing();
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { Namespaces = { "ml" } });
        var identity = kind switch
        {
            LoopbackIdentityKind.Token => server.Identities.AddToken("tina", groups: ["ml"]),
            LoopbackIdentityKind.Basic => server.Identities.AddBasic("bob", groups: ["ops"]),
            _ => server.Identities.AddClientCertificate("carol", ["team-a"]),
        };
        using var temp = new TempDirectory();
        var kubeconfig = await server.WriteKubeconfigAsync(temp.File("config"), identity);

        var ns = await Kubectl.RunAsync(kubeconfig, "get", "ns");
        Assert.True(ns.ExitCode == 0, ns.Error);
        Assert.Matches(@"(?m)^NAME\s+STATUS\s+AGE", ns.Output);
        Assert.Matches(@"(?m)^ml\s+Active\s+", ns.Output);
        Assert.Matches(@"(?m)^kube-system\s+Active\s+", ns.Output);

        var whoami = await Kubectl.RunAsync(kubeconfig, "auth", "whoami");
        Assert.True(whoami.ExitCode == 0, whoami.Error);
        Assert.Matches($@"(?m)^Username\s+{identity.UserName}\s*$", whoami.Output);
        Assert.Contains("system:authenticated", whoami.Output);

        var pods = await Kubectl.RunAsync(kubeconfig, "get", "pods", "-A");
        Assert.True(pods.ExitCode == 0, pods.Error);
        Assert.Contains("No resources found", pods.Error + pods.Output);
    }

    [SkippableFact]
    public async Task Kubectl_apply_creates_then_patches_a_deployment_that_becomes_ready()
    {
        Kubectl.SkipIfMissing();
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var temp = new TempDirectory();
        var kubeconfig = await server.WriteKubeconfigAsync(temp.File("config"));
        var manifest = temp.File("deploy.yaml");
        await File.WriteAllTextAsync(manifest, Deployment);

        var created = await Kubectl.RunAsync(kubeconfig, "apply", "-f", manifest);
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("deployment.apps/web created", created.Output);

        var rollout = await Kubectl.RunAsync(kubeconfig, "rollout", "status", "deployment/web", "--timeout=20s");
        Assert.True(rollout.ExitCode == 0, rollout.Error);
        Assert.Contains("successfully rolled out", rollout.Output);

        var pods = await Kubectl.RunAsync(kubeconfig, "get", "pods", "-A");
        Assert.True(pods.ExitCode == 0, pods.Error);
        Assert.Matches(@"(?m)^NAMESPACE\s+NAME\s+READY\s+STATUS", pods.Output);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(pods.Output, @"(?m)^default\s+web-[0-9a-f]+-\w+\s+1/1\s+Running"));

        await File.WriteAllTextAsync(manifest, Deployment.Replace("web:1.0", "web:2.0", StringComparison.Ordinal).Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal));
        var configured = await Kubectl.RunAsync(kubeconfig, "apply", "-f", manifest);
        Assert.True(configured.ExitCode == 0, configured.Error);
        Assert.Contains("deployment.apps/web configured", configured.Output);
        Assert.Contains(server.Requests, r => r.Method == "PATCH" && r.Path == "/apis/apps/v1/namespaces/default/deployments/web" && r.StatusCode == 200);

        var image = await Kubectl.RunAsync(kubeconfig, "get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].ports[0].containerPort} {.spec.replicas}");
        Assert.Equal("registry.example.test/web:2.0 8080 3", image.Output.Trim());

        var unchanged = await Kubectl.RunAsync(kubeconfig, "apply", "-f", manifest);
        Assert.Contains("deployment.apps/web unchanged", unchanged.Output);
    }

    [SkippableFact]
    public async Task Kubectl_auth_can_i_follows_the_identity_rules()
    {
        Kubectl.SkipIfMissing();
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { Namespaces = { "ml" } });
        var reader = server.Identities.AddToken("reader", rules: [LoopbackAccessRule.ReadOnly(["pods"], ["ml"])]);
        using var temp = new TempDirectory();
        var kubeconfig = await server.WriteKubeconfigAsync(temp.File("config"), reader);

        var yes = await Kubectl.RunAsync(kubeconfig, "auth", "can-i", "list", "pods", "-n", "ml");
        Assert.Equal(0, yes.ExitCode);
        Assert.Equal("yes", yes.Output.Trim());
        var no = await Kubectl.RunAsync(kubeconfig, "auth", "can-i", "delete", "pods", "-n", "ml");
        Assert.Equal(1, no.ExitCode);
        Assert.Equal("no", no.Output.Trim());

        var forbidden = await Kubectl.RunAsync(kubeconfig, "get", "pods", "-n", "default");
        Assert.NotEqual(0, forbidden.ExitCode);
        Assert.Contains("Error from server (Forbidden)", forbidden.Error);
        Assert.Contains("User \"reader\" cannot list resource \"pods\"", forbidden.Error);
    }

    [SkippableFact]
    public async Task Kubectl_follows_a_job_to_completion_and_reads_its_logs()
    {
        Kubectl.SkipIfMissing();
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { JobDuration = TimeSpan.FromMilliseconds(500) });
        using var temp = new TempDirectory();
        var kubeconfig = await server.WriteKubeconfigAsync(temp.File("config"));
        var manifest = temp.File("job.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: train
              annotations:
                loopback.connectors.test/log: "loading data\ntraining"
            spec:
              backoffLimit: 0
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: registry.example.test/trainer:1
            """);
        var created = await Kubectl.RunAsync(kubeconfig, "apply", "-f", manifest);
        Assert.True(created.ExitCode == 0, created.Error);

        var waited = await Kubectl.RunAsync(kubeconfig, "wait", "--for=condition=complete", "job/train", "--timeout=30s");
        Assert.True(waited.ExitCode == 0, waited.Error);
        Assert.Contains("job.batch/train condition met", waited.Output);

        var logs = await Kubectl.RunAsync(kubeconfig, "logs", "job/train");
        Assert.True(logs.ExitCode == 0, logs.Error);
        Assert.Equal("loading data\ntraining\nJob train completed\n", logs.Output);

        var jobs = await Kubectl.RunAsync(kubeconfig, "get", "jobs");
        Assert.Matches(@"(?m)^train\s+Complete\s+1/1\s+", jobs.Output);

        var deleted = await Kubectl.RunAsync(kubeconfig, "delete", "-f", manifest);
        Assert.True(deleted.ExitCode == 0, deleted.Error);
        var pods = await Kubectl.RunAsync(kubeconfig, "get", "pods");
        Assert.Contains("No resources found", pods.Error + pods.Output);
    }

    [SkippableFact]
    public async Task Kubectl_imperative_create_is_refused_with_a_message_that_says_what_to_do()
    {
        Kubectl.SkipIfMissing();
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var temp = new TempDirectory();
        var kubeconfig = await server.WriteKubeconfigAsync(temp.File("config"));
        var refused = await Kubectl.RunAsync(kubeconfig, "create", "namespace", "demo");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("accepts object bodies as JSON only", refused.Error);
        Assert.Contains("kubectl apply -f", refused.Error);

        var manifest = temp.File("ns.yaml");
        await File.WriteAllTextAsync(manifest, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n");
        var created = await Kubectl.RunAsync(kubeconfig, "create", "-f", manifest);
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("namespace/demo created", created.Output);
    }
}
