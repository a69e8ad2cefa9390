using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using BenchmarkDotNet.Attributes;
using Connectors.Kubernetes;
using Connectors.Kubernetes.Kubeconfig;
using k8s;

namespace Connectors.Benchmarks.Kubeconfig;

/// <summary>
/// Resolve one context from a kubeconfig with 1,000 clusters, users and contexts (each cluster with an
/// inline CA, each user a token) into ready client settings. Baseline: KubernetesClient's
/// <c>KubernetesClientConfiguration.BuildConfigFromConfigFile</c> on the same file.
/// </summary>
[MemoryDiagnoser]
public class ResolveContextBenchmarks
{
    private const int Entries = 1_000;
    private const string Context = "context-0500";
    private string _directory = null!;
    private string _path = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=bench-ca", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var caData = Convert.ToBase64String(Encoding.UTF8.GetBytes(ca.ExportCertificatePem() + "\n"));

        var yaml = new StringBuilder("apiVersion: v1\nkind: Config\ncurrent-context: context-0000\npreferences: {}\nclusters:\n");
        for (var i = 0; i < Entries; i++)
        {
            yaml.Append("- name: cluster-").Append(i.ToString("D4")).Append("\n  cluster:\n    server: https://127.0.0.1:").Append(20000 + i)
                .Append("\n    certificate-authority-data: ").Append(caData).Append('\n');
        }

        yaml.Append("users:\n");
        for (var i = 0; i < Entries; i++)
        {
            yaml.Append("- name: user-").Append(i.ToString("D4")).Append("\n  user:\n    token: token-").Append(i.ToString("D4")).Append("-abcdefghijklmnopqrstuvwxyz0123456789\n");
        }

        yaml.Append("contexts:\n");
        for (var i = 0; i < Entries; i++)
        {
            yaml.Append("- name: context-").Append(i.ToString("D4")).Append("\n  context:\n    cluster: cluster-").Append(i.ToString("D4"))
                .Append("\n    user: user-").Append(i.ToString("D4")).Append("\n    namespace: ns-").Append(i.ToString("D4")).Append('\n');
        }

        _directory = Path.Combine(Path.GetTempPath(), "connectors-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "config");
        File.WriteAllText(_path, yaml.ToString());
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true)]
    public KubernetesClientConfiguration KubernetesClientBuildConfigFromConfigFile() =>
        KubernetesClientConfiguration.BuildConfigFromConfigFile(new FileInfo(_path), Context);

    [Benchmark]
    public KubernetesConnectorSpec ConnectorsLoadSelectAndLift() =>
        KubernetesAutoConfigure.FromSelection("bench", KubeconfigLoader.LoadExplicit(_path).Select(Context), new KubernetesAutoConfigureOptions { RunExecPlugins = false, Validate = false });
}
