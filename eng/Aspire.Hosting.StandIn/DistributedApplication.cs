using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

// Stand-in: what an app host's Program.cs calls (CreateBuilder, Build().Run()/RunAsync()). Only Aspire's own builder
// can make one, so CreateBuilder throws: app hosts are compiled against this assembly, never run on it.
public class DistributedApplication : IHost, IDisposable, IAsyncDisposable
{
    private readonly IHost _host;

    public DistributedApplication(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        throw new NotImplementedException("The Aspire.Hosting stand-in declares the app host API only; run app hosts with the real Aspire.Hosting.");

    public virtual void Dispose() => _host.Dispose();

    public virtual ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    Task IHost.StartAsync(CancellationToken cancellationToken) => StartAsync(cancellationToken);

    Task IHost.StopAsync(CancellationToken cancellationToken) => StopAsync(cancellationToken);

    public void Run() => RunAsync().GetAwaiter().GetResult();

    public virtual Task RunAsync(CancellationToken cancellationToken = default) => _host.RunAsync(cancellationToken);

    public virtual Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    public virtual Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);
}
