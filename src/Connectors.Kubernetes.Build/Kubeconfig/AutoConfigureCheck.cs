using Connectors.Kubernetes.Items;
using System.Globalization;
using Connectors.Kubernetes.Build.Diagnostics;
using Connectors.Kubernetes.Build.Items;
using Connectors.Kubernetes.Build.Locations;

namespace Connectors.Kubernetes.Build.Kubeconfig;

/// <summary>
/// For auto-configure connectors: the kubeconfig exists, the named (or current) context is in it, and
/// the credentials it would lift have not already expired. Every finding is a warning: the kubeconfig
/// of the machine that builds is not necessarily the one the app host runs with.
/// </summary>
internal sealed class AutoConfigureCheck
{
    private readonly string _projectDirectory;
    private readonly Func<string, string?> _environment;
    private readonly DateTimeOffset _now;
    private readonly ProjectXmlLocator _locator;
    private readonly Dictionary<string, object> _files = new(StringComparer.Ordinal);

    /// <summary>Creates the check.</summary>
    public AutoConfigureCheck(string projectDirectory, Func<string, string?> environment, DateTimeOffset now, ProjectXmlLocator locator)
    {
        _projectDirectory = projectDirectory;
        _environment = environment;
        _now = now;
        _locator = locator;
    }

    /// <summary>Checks every auto-configure connector in <paramref name="items"/>.</summary>
    public IEnumerable<BuildDiagnostic> Check(IEnumerable<ConnectorItem> items)
    {
        var reportedUnreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.IsAutoConfigure))
        {
            var candidates = KubeconfigLocations.Resolve(item.Get(ConnectorItemContract.Kubeconfig), _projectDirectory, _environment);
            var loaded = new List<KubeconfigFile>();
            foreach (var path in candidates)
            {
                switch (LoadCached(path))
                {
                    case KubeconfigFile file:
                        loaded.Add(file);
                        break;
                    case string problem when reportedUnreadable.Add(path):
                        yield return Warn(item, BuildDiagnosticCodes.KubeconfigUnreadable, ConnectorItemContract.Kubeconfig, string.Format(
                            CultureInfo.InvariantCulture,
                            "Connector '{0}' is auto-configured from '{1}', which cannot be read ({2}). Fix the file, or point the item's Kubeconfig metadata at a valid kubeconfig.",
                            item.Name,
                            path,
                            problem));
                        break;
                }
            }

            if (loaded.Count == 0)
            {
                if (candidates.All(c => LoadCached(c) is null))
                {
                    yield return Warn(item, BuildDiagnosticCodes.KubeconfigNotFound, ConnectorItemContract.Kubeconfig, string.Format(
                        CultureInfo.InvariantCulture,
                        "Connector '{0}' is auto-configured, but no kubeconfig was found (looked at: {1}). Create one (for example with your cluster's login command), set KUBECONFIG, or give the item a Kubeconfig path.",
                        item.Name,
                        candidates.Count == 0 ? "no candidate: HOME is not set" : string.Join(", ", candidates)));
                }

                continue;
            }

            var finding = CheckContext(item, loaded);
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }

    private BuildDiagnostic? CheckContext(ConnectorItem item, List<KubeconfigFile> files)
    {
        var set = new KubeconfigSet(files);
        var paths = string.Join(", ", files.Select(f => f.Path));
        var available = set.ContextNames.Count == 0 ? "none" : string.Join(", ", set.ContextNames);
        var context = item.Get(ConnectorItemContract.Context) ?? set.CurrentContext;
        if (context is null)
        {
            return Warn(item, BuildDiagnosticCodes.KubeconfigContextNotFound, ConnectorItemContract.Context, string.Format(
                CultureInfo.InvariantCulture,
                "Connector '{0}' is auto-configured without a Context, and the kubeconfig ({1}) has no current-context. Add Context=\"<name>\" to the item (available: {2}).",
                item.Name,
                paths,
                available));
        }

        if (!set.HasContext(context))
        {
            return Warn(item, BuildDiagnosticCodes.KubeconfigContextNotFound, ConnectorItemContract.Context, string.Format(
                CultureInfo.InvariantCulture,
                "Connector '{0}' is auto-configured from context '{1}', which the kubeconfig ({2}) does not have. Available contexts: {3}. Fix the item's Context, or create the context (kubectl config set-context).",
                item.Name,
                context,
                paths,
                available));
        }

        // A context without a usable user is the runtime's coded error (KC12xx), with more detail than a build has.
        if (set.UserOf(context) is not { } user)
        {
            return null;
        }

        var expiry = CredentialExpiry.Find(user.User, Path.GetDirectoryName(user.File.Path) ?? _projectDirectory);
        if (expiry is { } found && found.ExpiresAt <= _now)
        {
            return Warn(item, BuildDiagnosticCodes.LiftedCredentialsExpired, ConnectorItemContract.Context, string.Format(
                CultureInfo.InvariantCulture,
                "Connector '{0}' would lift the {1} of user '{2}' (context '{3}'), which expired at {4:yyyy-MM-dd HH:mm:ss}Z. Renew the credentials (log in to the cluster again) before starting the app host.",
                item.Name,
                found.What,
                user.Name,
                context,
                found.ExpiresAt.UtcDateTime));
        }

        return null;
    }

    /// <summary>A loaded file, a problem description (string), or null when the file does not exist.</summary>
    private object? LoadCached(string path)
    {
        if (!_files.TryGetValue(path, out var result))
        {
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                result = KubeconfigFile.Load(path);
            }
            catch (FormatException e)
            {
                result = e.Message;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result = e.GetType().Name;
            }

            _files[path] = result;
        }

        return result;
    }

    private BuildDiagnostic Warn(ConnectorItem item, string code, string metadataName, string message) =>
        new(code, BuildSeverity.Warning, message, _locator.Locate(item.DefiningFile, ConnectorItemContract.ItemType, item.Name, item.Occurrence, metadataName));
}
