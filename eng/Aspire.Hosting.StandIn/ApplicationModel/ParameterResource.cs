using Aspire.Hosting.Publishing;

namespace Aspire.Hosting.ApplicationModel;

public class ParameterResource : Resource, IManifestExpressionProvider, IValueProvider
{
    private readonly Lazy<string> _lazyValue;

    public ParameterResource(string name, Func<ParameterDefault?, string> callback, bool secret = false) : base(name)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _lazyValue = new Lazy<string>(() => callback(Default));
        Secret = secret;
    }

    public ParameterDefault? Default { get; set; }

    public bool Secret { get; }

    public string ValueExpression => $"{{{Name}.value}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken) => new(_lazyValue.Value);

    public ValueTask<string?> GetValueAsync(ValueProviderContext _, CancellationToken cancellationToken) => GetValueAsync(cancellationToken);
}

public abstract class ParameterDefault
{
    public abstract string GetDefaultValue();

    public abstract void WriteToManifest(ManifestPublishingContext context);
}
