using System.Text;
using Connectors.Kubernetes.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Connectors.Kubernetes.Tests.DependencyInjection;

/// <summary>A generic host (no defaults: configuration only from the test) with fake logging, for DI tests.</summary>
internal static class ConnectorHost
{
    public static HostApplicationBuilder Builder(IDictionary<string, string?>? configuration = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddFakeLogging();
        return builder;
    }

    /// <summary>The connection string of <paramref name="identity"/> (admin by default) on <paramref name="server"/>.</summary>
    public static string ConnectionString(LoopbackKubernetesServer server, LoopbackIdentity? identity = null, string name = "kube-auto") =>
        KubernetesConnectionString.Format(Clients.LoopbackSpecs.For(server, identity, name));

    /// <summary>The section keys of a token connector on <paramref name="server"/>, under <c>Connectors:Kubernetes:{name}</c>.</summary>
    public static Dictionary<string, string?> Section(LoopbackKubernetesServer server, string name, string? token, string? tokenFile = null)
    {
        var prefix = "Connectors:Kubernetes:" + name + ":";
        var values = new Dictionary<string, string?>
        {
            [prefix + "Server"] = server.Url.GetLeftPart(UriPartial.Authority),
            [prefix + "CertificateAuthorityData"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(server.CertificateAuthorityPem)),
            [prefix + "Namespace"] = "default",
        };
        if (token is not null)
        {
            values[prefix + "Token"] = token;
        }

        if (tokenFile is not null)
        {
            values[prefix + "TokenFile"] = tokenFile;
        }

        return values;
    }

    public static async Task<HealthReport> CheckHealthAsync(IHost host) =>
        await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
}
