namespace Connectors.Kubernetes.Testing.Api;

/// <summary>Every resource kind the loopback server serves.</summary>
internal static class ApiCatalog
{
    public static readonly ApiResource Namespaces = new("", "v1", "namespaces", "namespace", "Namespace", false, ["ns"], ["status"], true);
    public static readonly ApiResource Pods = new("", "v1", "pods", "pod", "Pod", true, ["po"], ["status", "log"], true);
    public static readonly ApiResource Services = new("", "v1", "services", "service", "Service", true, ["svc"], ["status"], true);
    public static readonly ApiResource ConfigMaps = new("", "v1", "configmaps", "configmap", "ConfigMap", true, ["cm"], [], false);
    public static readonly ApiResource Secrets = new("", "v1", "secrets", "secret", "Secret", true, [], [], false);
    public static readonly ApiResource Deployments = new("apps", "v1", "deployments", "deployment", "Deployment", true, ["deploy"], ["status", "scale"], true);
    public static readonly ApiResource Jobs = new("batch", "v1", "jobs", "job", "Job", true, [], ["status"], true);

    public static readonly IReadOnlyList<ApiResource> All = [Namespaces, Pods, Services, ConfigMaps, Secrets, Deployments, Jobs];

    /// <summary>Review APIs: create-only, answered from the caller's identity, never stored.</summary>
    public const string AuthenticationGroup = "authentication.k8s.io";

    public const string AuthorizationGroup = "authorization.k8s.io";

    /// <summary>API groups other than the core one, in discovery order.</summary>
    public static readonly IReadOnlyList<string> Groups = ["apps", "batch", AuthenticationGroup, AuthorizationGroup];

    public static ApiResource? Find(string group, string version, string plural)
    {
        foreach (var resource in All)
        {
            if (resource.Group == group && resource.Version == version && resource.Plural == plural)
            {
                return resource;
            }
        }

        return null;
    }

    public static IEnumerable<ApiResource> InGroupVersion(string group, string version)
        => All.Where(r => r.Group == group && r.Version == version);
}
