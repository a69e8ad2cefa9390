namespace Aspire.Hosting.ApplicationModel;

public class HealthCheckAnnotation(string key) : IResourceAnnotation
{
    public string Key => key;
}
