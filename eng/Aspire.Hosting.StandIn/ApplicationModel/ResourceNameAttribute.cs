namespace Aspire.Hosting.ApplicationModel;

public interface IModelNameParameter
{
}

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ResourceNameAttribute : Attribute, IModelNameParameter
{
}
