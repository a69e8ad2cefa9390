using k8s;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Kubernetes.Tests.Clients;

/// <summary>
/// A bare loopback HTTP(S) server whose answers the test scripts, for what the loopback API server
/// does not do on purpose: plain http, an API without SelfSubjectReview, recording the SNI name
/// and the headers a client sent.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedServer(WebApplication app, Uri url, string? caPem)
    {
        _app = app;
        Url = url;
        CertificateAuthorityPem = caPem;
    }

    public Uri Url { get; }

    /// <summary>For TLS servers: the PEM of the CA that issued the serving certificate.</summary>
    public string? CertificateAuthorityPem { get; }

    /// <summary>The SNI names clients sent (null entries: no SNI).</summary>
    public List<string?> ServerNames { get; } = [];

    /// <summary>The requests seen: method, path, Host header and Authorization header (if any).</summary>
    public List<(string Method, string Path, string Host, string? Authorization)> Requests { get; } = [];

    /// <param name="tlsNames">Null for plain http; else the DNS names of the serving certificate.</param>
    /// <param name="answer">Writes the response for a request.</param>
    public static async Task<ScriptedServer> StartAsync(string[]? tlsNames, Func<HttpContext, Task> answer)
    {
        string? caPem = null;
        X509Certificate2? serving = null;
        if (tlsNames is not null)
        {
            (caPem, serving) = IssueServingCertificate(tlsNames);
        }

        ScriptedServer? server = null;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            if (serving is not null)
            {
                listen.UseHttps(https => https.ServerCertificateSelector = (_, name) =>
                {
                    lock (server!.ServerNames)
                    {
                        server.ServerNames.Add(name);
                    }

                    return serving;
                });
            }
        }));
        var app = builder.Build();
        app.Run(async context =>
        {
            lock (server!.Requests)
            {
                server.Requests.Add((context.Request.Method, context.Request.Path.Value ?? "", context.Request.Host.Value ?? "",
                    context.Request.Headers.Authorization.FirstOrDefault()));
            }

            await answer(context);
        });
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        server = new ScriptedServer(app, new Uri($"{(serving is null ? "http" : "https")}://127.0.0.1:{port}/"), caPem);
        return server;
    }

    /// <summary>Answers like a tiny API server: /version, and SelfSubjectAccessReview; everything else 404.</summary>
    public static Task AnswerWithoutSelfSubjectReview(HttpContext context) => AnswerAsync(context, selfSubjectReviewStatus: 404);

    /// <summary>Like <see cref="AnswerWithoutSelfSubjectReview"/>, but SelfSubjectReview exists and is forbidden to everyone.</summary>
    public static Task AnswerForbiddingSelfSubjectReview(HttpContext context) => AnswerAsync(context, selfSubjectReviewStatus: 403);

    private static async Task AnswerAsync(HttpContext context, int selfSubjectReviewStatus)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == "/apis/authentication.k8s.io/v1/selfsubjectreviews" && selfSubjectReviewStatus == 403)
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403}""");
        }
        else if (path is "/version" or "/version/")
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"major":"1","minor":"27","gitVersion":"v1.27.3"}""");
        }
        else if (path == "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews" && context.Request.Headers.Authorization.Count > 0)
        {
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","status":{"allowed":true}}""");
        }
        else
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static (string CaPem, X509Certificate2 Serving) IssueServingCertificate(string[] names)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=scripted-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=scripted", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);
        using var withKey = issued.CopyWithPrivateKey(key);
        var serving = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return (ca.ExportCertificatePem(), serving);
    }
}
