namespace Connectors.Kubernetes;

/// <summary>
/// A connector cannot be built or used. <see cref="Code"/> is a <c>KC1xxx</c> code listed in
/// docs/diagnostics.md; the message says what is wrong and how to fix it and never contains a secret.
/// </summary>
public class KubernetesConnectorException : Exception
{
    /// <summary>Creates an exception with a code and a message.</summary>
    public KubernetesConnectorException(string code, string message)
        : this(code, message, null)
    {
    }

    /// <summary>Creates an exception with a code, a message and the underlying cause.</summary>
    public KubernetesConnectorException(string code, string message, Exception? innerException)
        : base(code + ": " + message, innerException)
    {
        Code = code;
        Diagnostics = [new KubernetesConnectorDiagnostic(code, KubernetesDiagnosticSeverity.Error, message, string.Empty)];
    }

    /// <summary>Creates an exception for a set of validation errors; the first error gives the code.</summary>
    public KubernetesConnectorException(string connectorName, IReadOnlyList<KubernetesConnectorDiagnostic> diagnostics)
        : base(Summarize(connectorName, diagnostics))
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Code = diagnostics.FirstOrDefault(d => d.Severity == KubernetesDiagnosticSeverity.Error)?.Code ?? KubernetesErrorCodes.InvalidConnector;
        Diagnostics = diagnostics;
    }

    /// <summary>Creates an exception with the generic code.</summary>
    public KubernetesConnectorException()
        : this(KubernetesErrorCodes.InvalidConnector, "The connector is invalid.")
    {
    }

    /// <summary>Creates an exception with the generic code.</summary>
    public KubernetesConnectorException(string message)
        : this(KubernetesErrorCodes.InvalidConnector, message)
    {
    }

    /// <summary>Creates an exception with the generic code.</summary>
    public KubernetesConnectorException(string message, Exception? innerException)
        : this(KubernetesErrorCodes.InvalidConnector, message, innerException)
    {
    }

    /// <summary>The diagnostic code, e.g. <c>KC1004</c>.</summary>
    public string Code { get; }

    /// <summary>Every diagnostic behind this exception (errors and warnings).</summary>
    public IReadOnlyList<KubernetesConnectorDiagnostic> Diagnostics { get; }

    private static string Summarize(string connectorName, IReadOnlyList<KubernetesConnectorDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == KubernetesDiagnosticSeverity.Error).ToList();
        return "Connector '" + connectorName + "' is invalid (" + errors.Count + (errors.Count == 1 ? " error" : " errors") + "):" +
            string.Concat(errors.Select(e => Environment.NewLine + "  " + e.Code + " " + e.Field + ": " + e.Message));
    }
}
