namespace Connectors.Kubernetes;

/// <summary>The kind of place a connector field's value came from.</summary>
public enum KubernetesValueOrigin
{
    /// <summary>Set in code.</summary>
    Code,

    /// <summary>The connection string <c>ConnectionStrings:{name}</c>.</summary>
    ConnectionString,

    /// <summary>The configuration section <c>Connectors:Kubernetes:{name}</c>.</summary>
    Configuration,

    /// <summary>A kubeconfig file (auto-configuration).</summary>
    Kubeconfig,

    /// <summary>The output of a kubeconfig exec credential plugin.</summary>
    ExecPlugin,

    /// <summary>A declaration in a project file or the connector store.</summary>
    Declaration,

    /// <summary>An Aspire parameter or secret store entry.</summary>
    Parameter,
}
