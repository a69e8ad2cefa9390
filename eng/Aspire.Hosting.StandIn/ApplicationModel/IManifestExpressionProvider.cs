namespace Aspire.Hosting.ApplicationModel;

public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}
