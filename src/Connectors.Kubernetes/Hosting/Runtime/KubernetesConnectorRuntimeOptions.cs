using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Login;

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
        Verify = (settings, cancellationToken) => KubernetesConnectorRuntimeDefaults.VerifyAsync(settings, TimeProvider, cancellationToken);
        KubectlLogin = (settings, cancellationToken) => KubeconfigLogin.LoginAsync(settings, KubectlLoginOptions, cancellationToken);
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

    /// <summary>
    /// Verifies access with the given settings (the resource's health check); by default the library's verify
    /// (<c>GET /version</c>, then <c>SelfSubjectReview</c>, the identity reported to the dashboard).
    /// <see langword="null"/> to vouch for the settings only, without contacting the cluster.
    /// </summary>
    public Func<KubernetesConnectorSpec, CancellationToken, Task<KubernetesConnectorVerification>>? Verify { get; set; }

    /// <summary>
    /// Configures the local kubectl context for the given settings (<c>WithKubectlLogin</c>); by default
    /// <see cref="KubeconfigLogin.LoginAsync"/> with <see cref="KubectlLoginOptions"/>. An auto-configured
    /// connector is logged in with the credentials it lifted (an exec plugin stays an exec plugin), not the
    /// token file the app host keeps for components, which disappears when the app host stops.
    /// </summary>
    public Func<KubernetesConnectorSpec, CancellationToken, Task>? KubectlLogin { get; set; }

    /// <summary>
    /// Where and how the default kubectl login writes: the kubeconfig file (<c>KUBECONFIG</c>'s first file, else
    /// <c>~/.kube/config</c>, when not set), the context name, whether it becomes current. Read at each login.
    /// </summary>
    public KubeconfigLoginOptions? KubectlLoginOptions { get; set; }
}
