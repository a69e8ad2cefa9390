using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using Connectors.Kubernetes.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Benchmarks;

/// <summary>
/// Start-up cost of the loopback API server, from StartAsync to the first authenticated /version
/// answer over a fresh TLS connection. Baseline: a bare Kestrel TLS endpoint with a ready-made
/// certificate answering a constant, so the ratio is what our CA, certificates, store and pipeline add.
/// </summary>
[MemoryDiagnoser]
public class LoopbackServerStartupBenchmarks
{
    private X509Certificate2 _bareCertificate = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        _bareCertificate = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    [GlobalCleanup]
    public void Cleanup() => _bareCertificate.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<string> BareKestrelTlsStartToFirstResponse()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(_bareCertificate)));
        await using var app = builder.Build();
        app.Run(context => context.Response.WriteAsync("""{"gitVersion":"v1.32.0"}"""));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } });
        var body = await client.GetStringAsync(new Uri(new Uri(address), "/version"));
        await app.StopAsync();
        return body;
    }

    [Benchmark]
    public async Task<string> LoopbackServerStartToFirstVersion()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var ca = X509Certificate2.CreateFromPem(server.CertificateAuthorityPem);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return certificate is not null && chain.Build(new X509Certificate2(certificate));
        };
        using var client = new HttpClient(handler) { BaseAddress = server.Url };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.Identities.Admin.Token);
        return await client.GetStringAsync("/version");
    }
}
