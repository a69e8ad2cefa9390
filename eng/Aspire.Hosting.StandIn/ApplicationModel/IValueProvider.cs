namespace Aspire.Hosting.ApplicationModel;

public interface IValueProvider
{
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);

    ValueTask<string?> GetValueAsync(ValueProviderContext context, CancellationToken cancellationToken = default) =>
        GetValueAsync(cancellationToken);
}

public class ValueProviderContext
{
    public DistributedApplicationExecutionContext? ExecutionContext { get; init; }

    public IResource? Caller { get; init; }

    public NetworkIdentifier? Network { get; init; }
}

public record NetworkIdentifier(string Value);
