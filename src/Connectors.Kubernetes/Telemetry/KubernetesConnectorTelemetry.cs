using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Connectors.Kubernetes.Telemetry;

/// <summary>
/// The names under which injected connector clients report traces and metrics. Subscribe with
/// <c>AddSource(KubernetesConnectorTelemetry.Name)</c> and <c>AddMeter(KubernetesConnectorTelemetry.Name)</c>.
/// Tags carry the connector name, HTTP method, status code and failure class — never a credential.
/// </summary>
public static class KubernetesConnectorTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>: <c>Connectors.Kubernetes</c>.</summary>
    public const string Name = "Connectors.Kubernetes";

    /// <summary>Counter of API requests sent through injected clients (tags <c>connector</c>, <c>http.request.method</c>, <c>http.response.status_code</c>).</summary>
    public const string RequestsInstrument = "connectors.kubernetes.requests";

    /// <summary>Counter of failed API requests and verifications (tags <c>connector</c>, <c>failure</c>: the failure class).</summary>
    public const string FailuresInstrument = "connectors.kubernetes.failures";

    /// <summary>Counter of credential refreshes (tags <c>connector</c>, <c>outcome</c>: <c>changed</c>, <c>unchanged</c> or <c>failed</c>).</summary>
    public const string RefreshesInstrument = "connectors.kubernetes.refreshes";

    /// <summary>Histogram of verification latency in seconds (tags <c>connector</c>, <c>failure</c>).</summary>
    public const string VerifyDurationInstrument = "connectors.kubernetes.verify.duration";

    /// <summary>The tag holding the connector name.</summary>
    public const string ConnectorTag = "connector";

    /// <summary>The tag holding a failure class (for example <c>unauthorized</c>, <c>unreachable</c>, <c>none</c>).</summary>
    public const string FailureTag = "failure";

    internal static ActivitySource ActivitySource { get; } = new(Name, typeof(KubernetesConnectorTelemetry).Assembly.GetName().Version?.ToString());

    internal static Meter Meter { get; } = new(Name, typeof(KubernetesConnectorTelemetry).Assembly.GetName().Version?.ToString());

    internal static Counter<long> Requests { get; } = Meter.CreateCounter<long>(RequestsInstrument, "{request}", "API requests sent by injected Kubernetes connector clients.");

    internal static Counter<long> Failures { get; } = Meter.CreateCounter<long>(FailuresInstrument, "{failure}", "Failed API requests and verifications, by failure class.");

    internal static Counter<long> Refreshes { get; } = Meter.CreateCounter<long>(RefreshesInstrument, "{refresh}", "Credential refreshes of Kubernetes connectors.");

    internal static Histogram<double> VerifyDuration { get; } = Meter.CreateHistogram<double>(VerifyDurationInstrument, "s", "How long verifying a Kubernetes connector took.");
}
