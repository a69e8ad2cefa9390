using Connectors.Kubernetes.Items;
using Connectors.Kubernetes.Build.Items;

namespace Connectors.Kubernetes.Build.Secrets;

/// <summary>
/// Which secret parameters (DESIGN: <c>{name}-token</c>, <c>{name}-username</c>, …) a declared
/// connector needs a value for before the app host can start it.
/// </summary>
internal static class SecretParameterNames
{
    /// <summary>
    /// The parameters <paramref name="item"/> requires: the token (which may be empty, as for k3d) for
    /// the token method, username and password for the password method, none for auto-configure
    /// (the credentials are lifted from the kubeconfig when the app host starts).
    /// </summary>
    public static IReadOnlyList<string> Required(ConnectorItem item)
    {
        if (item.IsAutoConfigure)
        {
            return [];
        }

        var method = item.Get(ConnectorItemContract.AuthMethod);
        if (string.Equals(method, "password", StringComparison.OrdinalIgnoreCase))
        {
            return [item.Name + "-username", item.Name + "-password"];
        }

        if (method is null || string.Equals(method, "token", StringComparison.OrdinalIgnoreCase))
        {
            return [item.Name + "-token"];
        }

        // An unknown method is reported by the declaration rules; guessing its secrets would only add noise.
        return [];
    }
}
