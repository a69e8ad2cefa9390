namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// A kubeconfig cannot be read or used. <see cref="KubernetesConnectorException.Code"/> is a <c>KC12xx</c> code;
/// the message names the file, the entry and, where known, the YAML line. It never contains a secret.
/// </summary>
public sealed class KubeconfigException : KubernetesConnectorException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="code">The <c>KC12xx</c> code.</param>
    /// <param name="message">What is wrong and how to fix it (the location is appended).</param>
    /// <param name="filePath">The kubeconfig file, if one is concerned.</param>
    /// <param name="entry">The entry, e.g. <c>user 'dev'</c>, if one is concerned.</param>
    /// <param name="line">The 1-based YAML line, if known.</param>
    /// <param name="innerException">The underlying cause.</param>
    public KubeconfigException(string code, string message, string? filePath = null, string? entry = null, int? line = null, Exception? innerException = null)
        : base(code, Locate(message, filePath, entry, line), innerException)
    {
        FilePath = filePath;
        Entry = entry;
        Line = line;
    }

    /// <summary>Creates an exception with the generic kubeconfig structure code.</summary>
    public KubeconfigException()
        : this(KubernetesErrorCodes.KubeconfigInvalidStructure, "The kubeconfig is invalid.")
    {
    }

    /// <summary>Creates an exception with the generic kubeconfig structure code.</summary>
    public KubeconfigException(string message)
        : this(KubernetesErrorCodes.KubeconfigInvalidStructure, message)
    {
    }

    /// <summary>Creates an exception with the generic kubeconfig structure code.</summary>
    public KubeconfigException(string message, Exception? innerException)
        : this(KubernetesErrorCodes.KubeconfigInvalidStructure, message, innerException: innerException)
    {
    }

    /// <summary>The kubeconfig file concerned, if any.</summary>
    public string? FilePath { get; }

    /// <summary>The entry concerned, e.g. <c>context 'kind-dev'</c>, if any.</summary>
    public string? Entry { get; }

    /// <summary>The 1-based line in <see cref="FilePath"/>, if known.</summary>
    public int? Line { get; }

    private static string Locate(string message, string? filePath, string? entry, int? line)
    {
        if (filePath is null && entry is null)
        {
            return message;
        }

        var where = (entry is null ? string.Empty : entry + " in ") + (filePath ?? "the kubeconfig") + (line is null ? string.Empty : ":" + line.Value);
        return message + " (" + where + ")";
    }
}
