using System.Globalization;
using System.Text;

namespace Aspire.Hosting.ApplicationModel;

// Faithful minimal: like Aspire's, literals are appended as they are (braces are NOT escaped).
public class ReferenceExpressionBuilder
{
    private readonly StringBuilder _builder = new();
    private readonly List<IValueProvider> _valueProviders = [];
    private readonly List<string> _manifestExpressions = [];

    public bool IsEmpty => _builder.Length == 0;

    public void AppendLiteral(string value) => _builder.Append(value);

    public void AppendFormatted(string? value) => _builder.Append(value);

    public void AppendFormatted<T>(T valueProvider) where T : IValueProvider, IManifestExpressionProvider
    {
        _builder.Append(CultureInfo.InvariantCulture, $"{{{_valueProviders.Count}}}");
        _valueProviders.Add(valueProvider);
        _manifestExpressions.Add(valueProvider.ValueExpression);
    }

    public ReferenceExpression Build() =>
        ReferenceExpression.Create(_builder.ToString(), [.. _valueProviders], [.. _manifestExpressions]);
}
