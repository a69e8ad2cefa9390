using System.Text;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// Lifts the credentials of a kubeconfig context into a <see cref="KubernetesConnectorSpec"/>
/// (ZenML's <c>register --auto-configure</c>): the server, CA and TLS settings of its cluster, the
/// namespace of the context, and the user's token, client certificate, username and password, or the
/// credentials its exec plugin prints. File references are read, so the spec stands on its own.
/// </summary>
public static class KubernetesAutoConfigure
{
    /// <summary>Loads the kubeconfig, selects the context and lifts it.</summary>
    /// <param name="connectorName">The name of the connector to create.</param>
    /// <param name="options">Which kubeconfig and context; defaults to kubectl's.</param>
    /// <param name="cancellationToken">Cancels an exec plugin run.</param>
    /// <exception cref="KubeconfigException">The kubeconfig or the context cannot be used (<c>KC12xx</c>).</exception>
    /// <exception cref="KubernetesConnectorException">The lifted connector is invalid (<c>KC10xx</c>).</exception>
    public static Task<KubernetesConnectorSpec> ConfigureAsync(string connectorName, KubernetesAutoConfigureOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KubernetesAutoConfigureOptions();
        var set = options.KubeconfigSet ?? KubeconfigLoader.Load(options.Kubeconfig);
        return FromSelectionAsync(connectorName, set.Select(options.Context), options, cancellationToken);
    }

    /// <summary>Lifts an already selected context.</summary>
    public static async Task<KubernetesConnectorSpec> FromSelectionAsync(string connectorName, KubeconfigSelection selection, KubernetesAutoConfigureOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        options ??= new KubernetesAutoConfigureOptions();
        ExecCredential? credential = null;
        if (selection.User is { Exec: { } exec } user && NeedsExec(user))
        {
            CheckUser(user);
            ExecCredentialPlugin.Validate(exec, Entry(user), user.Origin);
            if (options.RunExecPlugins)
            {
                credential = await ExecCredentialPlugin.RunAsync(exec, selection.Cluster, options.ExecTimeout, cancellationToken).ConfigureAwait(false);
            }
        }

        return Lift(connectorName, selection, options, credential);
    }

    /// <summary>Lifts a selection without running an exec plugin (the spec then keeps <see cref="KubernetesConnectorSpec.Exec"/> only).</summary>
    public static KubernetesConnectorSpec FromSelection(string connectorName, KubeconfigSelection selection, KubernetesAutoConfigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return Lift(connectorName, selection, options ?? new KubernetesAutoConfigureOptions { RunExecPlugins = false }, credential: null);
    }

    private static KubernetesConnectorSpec Lift(string connectorName, KubeconfigSelection selection, KubernetesAutoConfigureOptions options, ExecCredential? credential)
    {
        var (context, cluster, user) = selection;
        var sources = new Dictionary<string, KubernetesValueSource>(StringComparer.Ordinal);
        void From(string key, string entry, KubeconfigOrigin origin) =>
            sources[key] = new KubernetesValueSource(KubernetesValueOrigin.Kubeconfig, origin + " (" + entry + ")");

        var clusterEntry = "cluster '" + cluster.Name + "'";
        if (string.IsNullOrEmpty(cluster.Server))
        {
            throw new KubeconfigException(KubernetesErrorCodes.KubeconfigClusterWithoutServer, "The cluster has no server. Add 'server: https://…' to it.", cluster.Origin.FilePath, clusterEntry, cluster.Origin.Line);
        }

        From(KubernetesConnectorKeys.Server, clusterEntry, cluster.Origin);
        string? certificateAuthority = null;
        if (cluster.CertificateAuthorityData is { Length: > 0 })
        {
            certificateAuthority = cluster.CertificateAuthorityData;
        }
        else if (!string.IsNullOrEmpty(cluster.CertificateAuthority))
        {
            certificateAuthority = ReadReferenced(cluster.CertificateAuthority, "certificate-authority", clusterEntry, cluster.Origin);
        }

        if (certificateAuthority is not null)
        {
            From(KubernetesConnectorKeys.CertificateAuthorityData, clusterEntry, cluster.Origin);
        }

        if (cluster.InsecureSkipTlsVerify)
        {
            From(KubernetesConnectorKeys.InsecureSkipTlsVerify, clusterEntry, cluster.Origin);
        }

        if (!string.IsNullOrEmpty(cluster.TlsServerName))
        {
            From(KubernetesConnectorKeys.TlsServerName, clusterEntry, cluster.Origin);
        }

        if (!string.IsNullOrEmpty(context.Namespace))
        {
            From(KubernetesConnectorKeys.Namespace, "context '" + context.Name + "'", context.Origin);
        }

        var spec = new KubernetesConnectorSpec
        {
            Name = connectorName,
            Server = cluster.Server,
            ClusterName = string.IsNullOrWhiteSpace(options.ClusterName) ? KubernetesConnectorSpec.HostOf(cluster.Server) : options.ClusterName,
            CertificateAuthorityData = certificateAuthority,
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = string.IsNullOrEmpty(cluster.TlsServerName) ? null : cluster.TlsServerName,
            Namespace = string.IsNullOrEmpty(context.Namespace) ? null : context.Namespace,
        };

        if (user is not null)
        {
            spec = LiftUser(spec, user, credential, sources, From);
        }

        var expiresAt = credential?.ExpirationTimestamp ?? JwtExpiry.Read(spec.Token?.Reveal());
        if (expiresAt is not null)
        {
            sources[KubernetesConnectorKeys.ExpiresAt] = credential?.ExpirationTimestamp is not null
                ? new KubernetesValueSource(KubernetesValueOrigin.ExecPlugin, spec.Exec!.Command)
                : new KubernetesValueSource(KubernetesValueOrigin.Kubeconfig, "exp claim of the token");
        }

        spec = spec with { ExpiresAt = expiresAt, Sources = sources };
        if (options.Validate)
        {
            KubernetesConnectorValidator.ThrowIfInvalid(spec, options.TimeProvider);
        }

        return spec;
    }

    private static KubernetesConnectorSpec LiftUser(KubernetesConnectorSpec spec, KubeconfigUser user, ExecCredential? credential, Dictionary<string, KubernetesValueSource> sources, Action<string, string, KubeconfigOrigin> from)
    {
        var entry = Entry(user);
        CheckUser(user);

        if (user.Username is not null || user.Password is not null)
        {
            from(KubernetesConnectorKeys.AuthMethod, entry, user.Origin);
            from(KubernetesConnectorKeys.Username, entry, user.Origin);
            from(KubernetesConnectorKeys.Password, entry, user.Origin);
            spec = spec with { AuthMethod = KubernetesAuthMethod.Password, Username = user.Username, Password = user.Password };
        }

        var token = user.Token;
        string? tokenFile = null;
        if ((token is null || token.IsEmpty) && !string.IsNullOrEmpty(user.TokenFile))
        {
            tokenFile = user.TokenFile;
            token = new SecretValue(ReadReferenced(user.TokenFile, "tokenFile", entry, user.Origin).Trim());
            from(KubernetesConnectorKeys.TokenFile, entry, user.Origin);
        }

        if (token is not null)
        {
            from(KubernetesConnectorKeys.Token, entry, user.Origin);
        }

        var certificate = user.ClientCertificateData ?? (user.ClientCertificate is null ? null : ReadReferenced(user.ClientCertificate, "client-certificate", entry, user.Origin));
        var key = user.ClientKeyData ?? (user.ClientKey is null ? null : new SecretValue(ReadReferenced(user.ClientKey, "client-key", entry, user.Origin)));
        if (certificate is not null)
        {
            from(KubernetesConnectorKeys.ClientCertificateData, entry, user.Origin);
        }

        if (key is not null)
        {
            from(KubernetesConnectorKeys.ClientKeyData, entry, user.Origin);
        }

        KubernetesExecConfig? exec = null;
        if (user.Exec is not null && NeedsExec(user))
        {
            exec = user.Exec;
            from(KubernetesConnectorKeys.Exec, entry, user.Origin);
            if (credential is not null)
            {
                var plugin = new KubernetesValueSource(KubernetesValueOrigin.ExecPlugin, exec.Command);
                token = credential.Token;
                if (token is not null)
                {
                    sources[KubernetesConnectorKeys.Token] = plugin;
                }

                if (credential.ClientCertificateData is not null)
                {
                    certificate = credential.ClientCertificateData;
                    key = credential.ClientKeyData;
                    sources[KubernetesConnectorKeys.ClientCertificateData] = plugin;
                    sources[KubernetesConnectorKeys.ClientKeyData] = plugin;
                }
            }
        }

        return spec with
        {
            Token = token,
            TokenFile = tokenFile,
            ClientCertificateData = certificate,
            ClientKeyData = key,
            Exec = exec,
        };
    }

    /// <summary>kubectl's checks of a user entry that make it unusable.</summary>
    private static void CheckUser(KubeconfigUser user)
    {
        var entry = Entry(user);
        if (user.AuthProvider is not null)
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.KubeconfigAuthProviderNotSupported,
                "The user uses the auth-provider '" + user.AuthProvider + "', which kubectl no longer supports and connectors do not support. Use an exec credential plugin instead (e.g. gke-gcloud-auth-plugin, kubelogin, aws eks get-token).",
                user.Origin.FilePath,
                entry,
                user.Origin.Line);
        }

        var methods = new List<string>();
        if (user.Token is { IsEmpty: false })
        {
            methods.Add("token");
        }

        if (user.Username is not null || user.Password is not null)
        {
            methods.Add("basicAuth");
        }

        string? conflict = null;
        if (methods.Count > 1)
        {
            conflict = "more than one authentication method found (" + string.Join(", ", methods) + "); only one is allowed";
        }
        else if (user.ClientCertificate is not null && user.ClientCertificateData is not null)
        {
            conflict = "client-certificate-data and client-certificate are both specified";
        }
        else if (user.ClientKey is not null && user.ClientKeyData is not null)
        {
            conflict = "client-key-data and client-key are both specified";
        }
        else if ((user.ClientCertificate is not null || user.ClientCertificateData is not null) && user.ClientKey is null && user.ClientKeyData is null)
        {
            conflict = "client-key-data or client-key must be specified to use the client certificate";
        }

        if (conflict is not null)
        {
            throw new KubeconfigException(KubernetesErrorCodes.KubeconfigConflictingAuth, "The user is not usable: " + conflict + ". Keep one way to authenticate.", user.Origin.FilePath, entry, user.Origin.Line);
        }
    }

    /// <summary>An exec plugin is consulted only when the entry has no static credentials (kubectl sends a static token first).</summary>
    private static bool NeedsExec(KubeconfigUser user) =>
        user.Exec is not null && user.Token is not { IsEmpty: false } && user.TokenFile is null && user.ClientCertificate is null && user.ClientCertificateData is null;

    private static string ReadReferenced(string path, string field, string entry, KubeconfigOrigin origin)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return Encoding.UTF8.GetString(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.KubeconfigFileUnreadable,
                "The " + field + " file '" + path + "' cannot be read (" + e.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal) + "). Relative paths are resolved against the kubeconfig file that defines them.",
                origin.FilePath,
                entry,
                origin.Line,
                e);
        }
    }

    private static string Entry(KubeconfigUser user) => "user '" + user.Name + "'";
}
