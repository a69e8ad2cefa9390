using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Api;
using Connectors.Kubernetes.Testing.Identity;
using Connectors.Kubernetes.Testing.Life;
using Connectors.Kubernetes.Testing.Store;
using Connectors.Kubernetes.Testing.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Kubernetes.Testing;

/// <summary>
/// An in-process Kubernetes API server on loopback for tests: real TLS with a CA generated at start,
/// token, basic and client-certificate authentication, discovery, namespaces, pods (with logs), jobs,
/// deployments, services, config maps and secrets with watch, a little simulated life (jobs complete,
/// deployments become ready) and fault injection. The official <c>KubernetesClient</c> and <c>kubectl</c>
/// work against it with the kubeconfig it emits.
/// </summary>
/// <example>
/// <code>
/// await using var server = await LoopbackKubernetesServer.StartAsync();
/// var path = await server.WriteKubeconfigAsync(Path.Combine(tempDir, "config"));
/// // kubectl --kubeconfig {path} get ns   — or —   KubernetesClientConfiguration.BuildConfigFromConfigFile(path)
/// </code>
/// </example>
public sealed class LoopbackKubernetesServer : IAsyncDisposable
{
    private static readonly string[] DefaultNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private readonly WebApplication _app;
    private readonly LoopbackCertificateAuthority _authority;
    private readonly X509Certificate2 _servingCertificate;
    private readonly Lazy<X509Certificate2> _mismatchedCertificate;
    private readonly ObjectStore _store;
    private readonly PodLogBook _logs;
    private readonly RequestLog _requests;
    private readonly CancellationTokenSource _stopping;
    private readonly List<Task> _controllers = [];
    private int _disposed;

    private LoopbackKubernetesServer(
        LoopbackKubernetesServerOptions options,
        WebApplication app,
        LoopbackCertificateAuthority authority,
        X509Certificate2 servingCertificate,
        Lazy<X509Certificate2> mismatchedCertificate,
        ObjectStore store,
        PodLogBook logs,
        RequestLog requests,
        LoopbackIdentities identities,
        LoopbackFaults faults,
        LoopbackConnections connections,
        CancellationTokenSource stopping)
    {
        Options = options;
        _app = app;
        _authority = authority;
        _servingCertificate = servingCertificate;
        _mismatchedCertificate = mismatchedCertificate;
        _store = store;
        _logs = logs;
        _requests = requests;
        Identities = identities;
        Faults = faults;
        Connections = connections;
        _stopping = stopping;
    }

    /// <summary>The options the server was started with.</summary>
    public LoopbackKubernetesServerOptions Options { get; }

    /// <summary>The server's URL, <c>https://127.0.0.1:{port}/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The TCP port the server listens on (chosen at random among free ones).</summary>
    public int Port => Url.Port;

    /// <summary>The PEM of the CA that signed the serving certificate and every issued client certificate.</summary>
    public string CertificateAuthorityPem => _authority.CertificatePem;

    /// <summary>The users the server accepts; add more while it runs.</summary>
    public LoopbackIdentities Identities { get; }

    /// <summary>Fault injection: latency, 5xx bursts, connection resets, a mismatched certificate.</summary>
    public LoopbackFaults Faults { get; }

    /// <summary>The TCP connections the server accepted: opened in all, open now, and the peak.</summary>
    public LoopbackConnections Connections { get; }

    /// <summary>The most recent requests answered (method, path, query, user, status), oldest first.</summary>
    public IReadOnlyList<LoopbackRequest> Requests => _requests.Snapshot();

    /// <summary>Starts a server on 127.0.0.1 with a random free port.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static async Task<LoopbackKubernetesServer> StartAsync(LoopbackKubernetesServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LoopbackKubernetesServerOptions();
        options.Validate();
        var time = options.TimeProvider;

        // Key generation and signing run beside the (independent) web host set-up: on a cold
        // process both are mostly one-time JIT and crypto initialisation.
        var certificates = Task.Run(
            () =>
            {
                var ca = LoopbackCertificateAuthority.Create("loopback-kubernetes-ca", time);
                string[] dnsNames = options.ServerName is null ? ["localhost"] : ["localhost", options.ServerName];
                return (Authority: ca, Serving: ca.IssueServerCertificate(dnsNames, [IPAddress.Loopback, IPAddress.IPv6Loopback]));
            },
            cancellationToken);

        var faults = new LoopbackFaults();
        var connections = new LoopbackConnections();
        var store = new ObjectStore(time);
        foreach (var name in DefaultNamespaces.Concat(options.Namespaces).Distinct(StringComparer.Ordinal))
        {
            store.Create(ApiCatalog.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });
        }

        var logs = new PodLogBook();
        var requests = new RequestLog();
        var stopping = new CancellationTokenSource();
        var tables = new TableConverter(time);
        var resources = new ResourceHandler(store, tables, new WatchStreamer(store, tables, stopping.Token), new PodLogStreamer(store, logs, stopping.Token));

        X509Certificate2 serving = null!;
        Lazy<X509Certificate2> mismatched = null!;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                // Below TLS, so every accepted socket counts, handshake failures included.
                listen.Use(next => async connection =>
                {
                    connections.OnOpened();
                    try
                    {
                        await next(connection).ConfigureAwait(false);
                    }
                    finally
                    {
                        connections.OnClosed();
                    }
                });
                listen.UseHttps(https =>
                {
                    https.ServerCertificateSelector = (_, _) => faults.ServeMismatchedCertificate ? mismatched.Value : serving;
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    // Client certificates are checked against our CA per request, so that a bad one
                    // is a 401 Status answer rather than a failed handshake, as on the API server.
                    https.AllowAnyClientCertificate();
                });
            });
        });

        var app = builder.Build();
        var (authority, servingCertificate) = await certificates.ConfigureAwait(false);
        serving = servingCertificate;
        // Issued on first use: most servers never serve it.
        mismatched = new Lazy<X509Certificate2>(() => authority.IssueServerCertificate(["wrong-name.invalid"], []));
        var identities = new LoopbackIdentities(authority, options.AdminUserName);
        LoopbackKubernetesServer? server = null;
        var authenticator = new Authenticator(identities, authority, time);
        var handler = new ApiHandler(options, authenticator, faults, resources, requests, () => server!.Url.Authority);
        app.Run(handler.HandleAsync);

        server = new LoopbackKubernetesServer(options, app, authority, serving, mismatched, store, logs, requests, identities, faults, connections, stopping);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri("https://127.0.0.1:" + new Uri(address).Port + "/");
        server._controllers.Add(new PodController(store, logs, time).Run(stopping.Token));
        server._controllers.Add(new JobController(store, logs, options).Run(stopping.Token));
        server._controllers.Add(new DeploymentController(store, options).Run(stopping.Token));
        return server;
    }

    /// <summary>A ready kubeconfig for an identity: this server, its CA, the identity's credential.</summary>
    /// <param name="identity">The identity; null for <see cref="LoopbackIdentities.Admin"/>.</param>
    /// <param name="namespace">The context's namespace; null for <c>default</c>.</param>
    /// <returns>The kubeconfig object; <see cref="LoopbackKubeconfig.ToYaml"/> gives the file text.</returns>
    public LoopbackKubeconfig GetKubeconfig(LoopbackIdentity? identity = null, string? @namespace = null)
    {
        identity ??= Identities.Admin;
        return new LoopbackKubeconfig
        {
            ClusterName = Options.ClusterName,
            UserName = identity.UserName,
            ContextName = identity.UserName + "@" + Options.ClusterName,
            Server = Url,
            CertificateAuthorityPem = CertificateAuthorityPem,
            Namespace = @namespace ?? "default",
            Token = identity.Kind == LoopbackIdentityKind.Token ? identity.Token : null,
            BasicUserName = identity.Kind == LoopbackIdentityKind.Basic ? identity.UserName : null,
            Password = identity.Password,
            ClientCertificatePem = identity.ClientCertificatePem,
            ClientKeyPem = identity.ClientKeyPem,
        };
    }

    /// <summary>Writes <see cref="GetKubeconfig(LoopbackIdentity?, string?)"/> as YAML to a file (mode 0600).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="identity">The identity; null for <see cref="LoopbackIdentities.Admin"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The full path written.</returns>
    public Task<string> WriteKubeconfigAsync(string path, LoopbackIdentity? identity = null, CancellationToken cancellationToken = default)
        => GetKubeconfig(identity).WriteAsync(path, cancellationToken);

    /// <summary>Stops the server: open watches and log streams end, then the listener closes.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _store.CloseWatches();
        _logs.CloseAll();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            await Task.WhenAll(_controllers).ConfigureAwait(false);
            _stopping.Dispose();
            _servingCertificate.Dispose();
            if (_mismatchedCertificate.IsValueCreated)
            {
                _mismatchedCertificate.Value.Dispose();
            }

            _authority.Dispose();
        }
    }
}
