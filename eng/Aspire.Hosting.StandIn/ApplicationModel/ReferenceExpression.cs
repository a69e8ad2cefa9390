using System.Globalization;

namespace Aspire.Hosting.ApplicationModel;

// Faithful minimal: a composite format string whose {i} holes are value providers. Its manifest form
// fills the holes with the providers' manifest expressions; its value fills them with their values.
public class ReferenceExpression : IManifestExpressionProvider, IValueProvider, IValueWithReferences
{
    public static readonly ReferenceExpression Empty = new(string.Empty, [], []);

    private readonly string[] _manifestExpressions;

    private ReferenceExpression(string format, IValueProvider[] valueProviders, string[] manifestExpressions)
    {
        Format = format;
        ValueProviders = valueProviders;
        _manifestExpressions = manifestExpressions;
    }

    public string Format { get; }

    public IReadOnlyList<string> ManifestExpressions => _manifestExpressions;

    public IReadOnlyList<IValueProvider> ValueProviders { get; }

    IEnumerable<object> IValueWithReferences.References => ValueProviders;

    public string ValueExpression => string.Format(CultureInfo.InvariantCulture, Format, _manifestExpressions);

    public async ValueTask<string?> GetValueAsync(ValueProviderContext context, CancellationToken cancellationToken)
    {
        if (Format.Length == 0)
        {
            return null;
        }

        var args = new object?[ValueProviders.Count];
        for (var i = 0; i < ValueProviders.Count; i++)
        {
            args[i] = await ValueProviders[i].GetValueAsync(context, cancellationToken).ConfigureAwait(false);
        }

        return string.Format(CultureInfo.InvariantCulture, Format, args);
    }

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken) => GetValueAsync(new ValueProviderContext(), cancellationToken);

    internal static ReferenceExpression Create(string format, IValueProvider[] valueProviders, string[] manifestExpressions) =>
        new(format, valueProviders, manifestExpressions);
}
