using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class ParameterResourceBuilderExtensions
{
    // Faithful to Aspire: the value comes from configuration "Parameters:{name}" when first read.
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, [ResourceName] string name, bool secret = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);

        var parameter = new ParameterResource(
            name,
            _ => builder.Configuration[$"Parameters:{name}"]
                 ?? throw new MissingParameterValueException($"Parameter resource could not be used because configuration key 'Parameters:{name}' is missing and the Parameter has no default value."),
            secret);
        return builder.AddResource(parameter);
    }
}
