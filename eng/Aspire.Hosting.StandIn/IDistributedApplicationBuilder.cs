using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

// Stand-in: the subset of Aspire's IDistributedApplicationBuilder the generated layer touches.
public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    string AppHostDirectory { get; }

    IHostEnvironment Environment { get; }

    IServiceCollection Services { get; }

    IDistributedApplicationEventing Eventing { get; }

    DistributedApplicationExecutionContext ExecutionContext { get; }

    IResourceCollection Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    DistributedApplication Build();
}
