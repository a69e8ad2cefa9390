namespace Connectors.Playground.ModelDeployer;

/// <summary>Where a rolled-out model answers inside the cluster.</summary>
/// <param name="ServiceName">The Service in front of the pods.</param>
/// <param name="Namespace">The namespace.</param>
/// <param name="ClusterIp">The Service's cluster IP, when assigned.</param>
/// <param name="Port">The Service port.</param>
/// <param name="ReadyReplicas">How many pods were ready when the rollout finished.</param>
public sealed record ModelEndpoint(string ServiceName, string Namespace, string? ClusterIp, int Port, int ReadyReplicas)
{
    /// <summary>The in-cluster URL, e.g. <c>http://iris.ml.svc.cluster.local:8080</c>.</summary>
    public Uri Url => new("http://" + ServiceName + "." + Namespace + ".svc.cluster.local:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
