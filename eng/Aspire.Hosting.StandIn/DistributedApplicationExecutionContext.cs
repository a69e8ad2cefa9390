namespace Aspire.Hosting;

public class DistributedApplicationExecutionContext
{
    private readonly IServiceProvider? _serviceProvider;

    public DistributedApplicationExecutionContext(DistributedApplicationOperation operation) : this(operation, "manifest")
    {
    }

    public DistributedApplicationExecutionContext(DistributedApplicationOperation operation, string publisherName)
    {
        Operation = operation;
        PublisherName = publisherName;
    }

    public DistributedApplicationExecutionContext(DistributedApplicationExecutionContextOptions options)
        : this(options.Operation, options.PublisherName ?? "manifest")
    {
        _serviceProvider = options.ServiceProvider;
    }

    public string PublisherName { get; set; }

    public DistributedApplicationOperation Operation { get; }

    public IServiceProvider ServiceProvider =>
        _serviceProvider ?? throw new InvalidOperationException("IServiceProvider is not available because execution context was not constructed with DistributedApplicationExecutionContextOptions.");

    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;

    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;
}

public class DistributedApplicationExecutionContextOptions
{
    public DistributedApplicationExecutionContextOptions(DistributedApplicationOperation operation) : this(operation, null!)
    {
    }

    public DistributedApplicationExecutionContextOptions(DistributedApplicationOperation operation, string publisherName)
    {
        Operation = operation;
        PublisherName = publisherName;
    }

    public DistributedApplicationOperation Operation { get; }

    public string? PublisherName { get; }

    public IServiceProvider? ServiceProvider { get; set; }
}

public enum DistributedApplicationOperation
{
    Run = 0,
    Publish = 1,
}
