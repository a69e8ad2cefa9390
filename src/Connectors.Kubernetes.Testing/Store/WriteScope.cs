namespace Connectors.Kubernetes.Testing.Store;

/// <summary>Which parts of an object a write may change.</summary>
internal enum WriteScope
{
    /// <summary>A client's write to the object: its status is kept as it was (kinds with a status subresource).</summary>
    Object,

    /// <summary>A client's write to the <c>/status</c> subresource: only the status changes.</summary>
    Status,

    /// <summary>A simulated controller's write: spec and status together.</summary>
    Everything,
}
