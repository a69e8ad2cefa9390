namespace Aspire.Hosting.ApplicationModel;

// Declared with 13.1's base list; 13.5 adds IExpressionValue (= IValueProvider + IManifestExpressionProvider),
// which changes nothing a resource has to implement.
public interface IResourceWithConnectionString : IResource, IManifestExpressionProvider, IValueProvider, IValueWithReferences
{
    ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        ConnectionStringExpression.GetValueAsync(cancellationToken);

    string IManifestExpressionProvider.ValueExpression => $"{{{Name}.connectionString}}";

    ValueTask<string?> IValueProvider.GetValueAsync(CancellationToken cancellationToken) => GetConnectionStringAsync(cancellationToken);

    ValueTask<string?> IValueProvider.GetValueAsync(ValueProviderContext context, CancellationToken cancellationToken) =>
        ConnectionStringExpression.GetValueAsync(context, cancellationToken);

    ReferenceExpression ConnectionStringExpression { get; }

    string? ConnectionStringEnvironmentVariable => null;

    IEnumerable<object> IValueWithReferences.References => [ConnectionStringExpression];

    IEnumerable<KeyValuePair<string, ReferenceExpression>> GetConnectionProperties() => [];
}
