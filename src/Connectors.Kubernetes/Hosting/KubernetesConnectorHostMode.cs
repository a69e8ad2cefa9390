namespace Connectors.Kubernetes.Hosting;

/// <summary>How the app host runs: Aspire's run and publish operations.</summary>
public enum KubernetesConnectorHostMode
{
    /// <summary>The app host runs the application locally (<c>dotnet run</c>, <c>aspire run</c>).</summary>
    Run,

    /// <summary>The app host writes a deployment manifest; no credential is resolved or written.</summary>
    Publish,
}
