using Connectors.Kubernetes.Kubeconfig;

namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// What a <see cref="KubernetesConnectorRuntime"/> uses from the rest of the connector library: how to
/// lift a kubeconfig context, verify access and log kubectl in. Each has the library's implementation as
/// its default; tests and tools may give their own.
/// </summary>
public sealed class KubernetesConnectorRuntimeOptions
{
    /// <summary>Creates the options with the library's implementations.</summary>
    public KubernetesConnectorRuntimeOptions()
    {
        AutoConfigure = (name, request, cancellationToken) => KubernetesAutoConfigure.ConfigureAsync(
            name,
            new KubernetesAutoConfigureOptions { Context = request.Context, Kubeconfig = request.Kubeconfig, Validate = false, TimeProvider = TimeProvider },
            cancellationToken);
    }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The directory refreshed token files go into; a new private (0700) temporary directory when
    /// <see langword="null"/>.
    /// </summary>
    public string? TokenDirectory { get; set; }

    /// <summary>
    /// Lifts a kubeconfig context into settings for the named connector; by default
    /// <see cref="KubernetesAutoConfigure"/> with kubectl's rules, running exec plugins. The runtime validates
    /// the result itself, so a problem is reported once, with its code.
    /// </summary>
    public Func<string, KubernetesAutoConfigureRequest, CancellationToken, Task<KubernetesConnectorSpec>>? AutoConfigure { get; set; }

    /// <summary>Verifies access with the given settings; <see langword="null"/> to check settings only.</summary>
    public Func<KubernetesConnectorSpec, CancellationToken, Task<KubernetesConnectorVerification>>? Verify { get; set; }

    /// <summary>Configures the local kubectl context for the given settings (<c>WithKubectlLogin</c>).</summary>
    public Func<KubernetesConnectorSpec, CancellationToken, Task>? KubectlLogin { get; set; }
}
