using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Connectors.Kubernetes.Telemetry;

/// <summary>
/// The outermost handler of an injected client: one activity and one request count per API call, and a
/// failure count by class. It runs before the credential handler, so the request it sees carries no
/// credential; it records the path (names of namespaces and objects) but never the query string.
/// </summary>
internal sealed class ConnectorTelemetryHandler : DelegatingHandler
{
    private readonly string _connector;
    private readonly bool _tracing;
    private readonly bool _metrics;

    public ConnectorTelemetryHandler(string connector, bool tracing, bool metrics)
    {
        _connector = connector;
        _tracing = tracing;
        _metrics = metrics;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        using var activity = _tracing ? KubernetesConnectorTelemetry.ActivitySource.StartActivity("kubernetes " + method, ActivityKind.Client) : null;
        if (activity is not null)
        {
            activity.SetTag(KubernetesConnectorTelemetry.ConnectorTag, _connector);
            activity.SetTag("http.request.method", method);
            activity.SetTag("url.path", request.RequestUri?.AbsolutePath);
            activity.SetTag("server.address", request.RequestUri?.Host);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            if (_metrics)
            {
                KubernetesConnectorTelemetry.Requests.Add(1,
                    new(KubernetesConnectorTelemetry.ConnectorTag, _connector),
                    new("http.request.method", method),
                    new("http.response.status_code", status));
            }

            if (status >= 400)
            {
                var failure = Classify(response.StatusCode);
                activity?.SetStatus(ActivityStatusCode.Error);
                activity?.SetTag("error.type", failure);
                CountFailure(failure);
            }

            return response;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = Classify(e);
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag("error.type", failure);
            if (_metrics)
            {
                KubernetesConnectorTelemetry.Requests.Add(1,
                    new(KubernetesConnectorTelemetry.ConnectorTag, _connector),
                    new("http.request.method", method),
                    new("http.response.status_code", 0));
            }

            CountFailure(failure);
            throw;
        }
    }

    private void CountFailure(string failure)
    {
        if (_metrics)
        {
            KubernetesConnectorTelemetry.Failures.Add(1,
                new(KubernetesConnectorTelemetry.ConnectorTag, _connector),
                new(KubernetesConnectorTelemetry.FailureTag, failure));
        }
    }

    internal static string Classify(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "unauthorized",
        HttpStatusCode.Forbidden => "forbidden",
        HttpStatusCode.NotFound => "not_found",
        HttpStatusCode.Conflict => "conflict",
        HttpStatusCode.TooManyRequests => "throttled",
        >= HttpStatusCode.InternalServerError => "server_error",
        _ => "client_error",
    };

    internal static string Classify(Exception exception) => exception switch
    {
        OperationCanceledException or TimeoutException => "timeout",
        AuthenticationException => "tls",
        HttpRequestException { InnerException: AuthenticationException } => "tls",
        HttpRequestException { InnerException: SocketException } or SocketException => "unreachable",
        HttpRequestException => "unreachable",
        KubernetesConnectorException => "credentials",
        _ => "other",
    };
}
