namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// Which local kubeconfig context an auto-configured connector lifts when the app host starts
/// (ZenML's <c>register --auto-configure</c>).
/// </summary>
/// <param name="Context">The context to lift; <see langword="null"/> for the current context.</param>
/// <param name="Kubeconfig">A kubeconfig path; <see langword="null"/> for kubectl's rules (<c>KUBECONFIG</c>, then <c>~/.kube/config</c>).</param>
public sealed record KubernetesAutoConfigureRequest(string? Context = null, string? Kubeconfig = null);
