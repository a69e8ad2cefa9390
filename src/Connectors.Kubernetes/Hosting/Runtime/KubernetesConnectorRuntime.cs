using System.Text;

namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// A connector resource while the app host runs: resolves its parameters (or lifts its kubeconfig context),
/// checks the result with the runtime's own validator, keeps short-lived credentials fresh in a token
/// file, and reports state and dashboard properties. The Aspire layer creates one per resource, starts it
/// when Aspire initializes the resource, and reads connection values from it; everything it decides is here.
/// </summary>
public sealed class KubernetesConnectorRuntime : IAsyncDisposable
{
    private readonly KubernetesConnectorRuntimeOptions options;
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, string> resolved = new(StringComparer.OrdinalIgnoreCase);
    private readonly object gate = new();
    private KubernetesAppHostConnector? connector;
    private KubernetesTokenFileRefresher? refresher;
    private string? ownedTokenDirectory;
    private string? identity;
    private KubernetesConnectorSnapshot snapshot = new(KubernetesConnectorStatus.NotStarted, []);

    /// <summary>Creates the runtime.</summary>
    /// <param name="options">What it uses; the library's defaults when <see langword="null"/>.</param>
    public KubernetesConnectorRuntime(KubernetesConnectorRuntimeOptions? options = null) => this.options = options ?? new KubernetesConnectorRuntimeOptions();

    /// <summary>Raised on every change of the snapshot: starting, running or failed, refresh failed or recovered, identity verified.</summary>
    public event EventHandler<KubernetesConnectorChangedEventArgs>? Changed;

    /// <summary>The current status and properties.</summary>
    public KubernetesConnectorSnapshot Snapshot
    {
        get
        {
            lock (gate)
            {
                return snapshot;
            }
        }
    }

    /// <summary>The settings components receive, once started (a refreshed token appears as <c>TokenFile</c>).</summary>
    public KubernetesConnectorSpec? Settings { get; private set; }

    /// <summary>The token file kept fresh for a short-lived credential, if any.</summary>
    public string? TokenFile => refresher?.Path;

    /// <summary>
    /// Starts the connector: status <c>Starting</c>, then <c>Running</c> with its properties, or
    /// <c>FailedToStart</c> with the coded reason. It does not throw for a connector that fails to start.
    /// </summary>
    /// <param name="declaration">The declaration as the app host finished it.</param>
    /// <param name="parameterValue">Gives an Aspire parameter's value by name (waits for it if Aspire does).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The snapshot after start.</returns>
    public async Task<KubernetesConnectorSnapshot> StartAsync(
        KubernetesAppHostConnector declaration,
        Func<string, CancellationToken, ValueTask<string?>> parameterValue,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(parameterValue);
        lock (gate)
        {
            if (connector is not null)
            {
                throw new InvalidOperationException("Connector '" + declaration.Name + "' has already been started.");
            }

            connector = declaration;
        }

        Update(status => status.MoveTo(KubernetesConnectorState.Starting));

        try
        {
            var (settings, credentials) = declaration.AutoConfigure is not null
                ? await StartAutoConfiguredAsync(declaration, cancellationToken).ConfigureAwait(false)
                : await ResolveDeclaredAsync(declaration, parameterValue, cancellationToken).ConfigureAwait(false);
            Settings = settings;
            if (declaration.KubectlLogin)
            {
                await LoginAsync(declaration, credentials, cancellationToken).ConfigureAwait(false);
            }

            Update(status => status.MoveTo(KubernetesConnectorState.Running));
            started.TrySetResult();
        }
        catch (KubernetesConnectorException failure)
        {
            Fail(failure.Code, failure.Message, failure);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Fail(KubernetesHostingErrorCodes.InvalidSettings, "The app host stopped while connector '" + declaration.Name + "' was starting.", null);
            throw;
        }

        return Snapshot;
    }

    /// <summary>
    /// A value known only once the connector has started: the whole connection string of an auto-configured
    /// connector (<see cref="KubernetesConnectionExpressions.ConnectionStringKey"/>) or one connection key.
    /// Waits for the start to finish.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The value (it may be secret: never log it), or <see langword="null"/> when the connector has no such key.</returns>
    /// <exception cref="KubernetesConnectorException">The connector failed to start (its code).</exception>
    public async ValueTask<string?> GetResolvedValueAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            return resolved.TryGetValue(key, out var value) ? value : null;
        }
    }

    /// <summary>
    /// Verifies access with the started settings (the health check). A connector that is not running is
    /// reported as failed with its code; without a verifier only the settings are vouched for.
    /// </summary>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The outcome.</returns>
    public async Task<KubernetesConnectorVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var current = Snapshot.Status;
        if (current.State is KubernetesConnectorState.NotStarted or KubernetesConnectorState.Starting)
        {
            return new KubernetesConnectorVerification(false, Code: KubernetesHostingErrorCodes.VerifyFailed, Message: "The connector has not started yet.");
        }

        if (current.State == KubernetesConnectorState.FailedToStart || Settings is null)
        {
            return new KubernetesConnectorVerification(false, Code: current.Code, Message: current.Reason);
        }

        if (options.Verify is null)
        {
            return new KubernetesConnectorVerification(true);
        }

        KubernetesConnectorVerification outcome;
        try
        {
            outcome = await options.Verify(Settings, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesConnectorException failure)
        {
            outcome = new KubernetesConnectorVerification(false, Code: failure.Code, Message: failure.Message);
        }

        if (outcome.Succeeded && outcome.Identity is not null && outcome.Identity != identity)
        {
            identity = outcome.Identity;
            Update(status => status);
        }

        return outcome;
    }

    /// <summary>Stops refreshing and deletes the token file and its private directory.</summary>
    /// <returns>A task completed once stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (refresher is not null)
        {
            await refresher.DisposeAsync().ConfigureAwait(false);
        }

        if (ownedTokenDirectory is not null && Directory.Exists(ownedTokenDirectory))
        {
            Directory.Delete(ownedTokenDirectory, recursive: true);
        }
    }

    /// <returns>The settings components receive, and the same settings for a kubectl login.</returns>
    private async Task<(KubernetesConnectorSpec Settings, KubernetesConnectorSpec Credentials)> ResolveDeclaredAsync(
        KubernetesAppHostConnector declaration,
        Func<string, CancellationToken, ValueTask<string?>> parameterValue,
        CancellationToken cancellationToken)
    {
        var values = new Dictionary<KubernetesExpressionPart, string>();
        foreach (var (key, part) in KubernetesConnectionExpressions.Fields(declaration, KubernetesConnectorHostMode.Run))
        {
            switch (part.Kind)
            {
                case KubernetesExpressionPartKind.Parameter:
                    var value = await ReadParameterAsync(declaration, part.Text, parameterValue, cancellationToken).ConfigureAwait(false);
                    ThrowIfNotCarried(declaration, key, part.Text, value);
                    values[part] = value;
                    break;
                case KubernetesExpressionPartKind.Resolved:
                    var input = InputOf(declaration, key);
                    var pem = KubernetesConnectionExpressions.LoadMaterial(declaration, key, input, KubernetesConnectionExpressions.PemLabel(key));
                    var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));
                    values[part] = base64;
                    lock (gate)
                    {
                        resolved[key] = base64;
                    }

                    break;
            }
        }

        // Parse exactly what components will receive, so the app host fails where they would.
        var text = KubernetesConnectionExpressions.ConnectionString(declaration, KubernetesConnectorHostMode.Run).Evaluate(part => values[part]);
        var settings = KubernetesConnectionString.Parse(declaration.Name, text);
        ThrowIfInvalid(declaration.Name, settings);
        return (settings, settings);
    }

    /// <returns>
    /// The settings components receive (a short-lived token as a token file the app host keeps fresh), and the
    /// credentials as lifted (exec plugin included) for a kubectl login that outlives the app host.
    /// </returns>
    private async Task<(KubernetesConnectorSpec Settings, KubernetesConnectorSpec Credentials)> StartAutoConfiguredAsync(KubernetesAppHostConnector declaration, CancellationToken cancellationToken)
    {
        var lifted = await LiftAsync(declaration, cancellationToken).ConfigureAwait(false);
        ThrowIfInvalid(declaration.Name, lifted);
        var settings = lifted with { Exec = null };
        if (lifted.Token is not null && (lifted.Exec is not null || lifted.ExpiresAt is not null))
        {
            // Short-lived: components read the token from a file the app host keeps fresh.
            var directory = options.TokenDirectory;
            if (directory is null)
            {
                directory = ownedTokenDirectory = Directory.CreateTempSubdirectory("connectors-kubernetes-").FullName;
            }

            refresher = new KubernetesTokenFileRefresher(
                Path.Combine(directory, declaration.Name + ".token"),
                async ct =>
                {
                    var again = await LiftAsync(declaration, ct).ConfigureAwait(false);
                    return new KubernetesCredential(again.Token ?? SecretValue.Empty, again.ExpiresAt);
                },
                options.TimeProvider);
            await refresher.StartAsync(cancellationToken, new KubernetesCredential(lifted.Token, lifted.ExpiresAt)).ConfigureAwait(false);
            refresher.Refreshed += OnRefreshed;
            settings = settings with { Token = null, TokenFile = refresher.Path, ExpiresAt = null };
        }

        var text = KubernetesConnectionString.Format(settings);
        lock (gate)
        {
            resolved[KubernetesConnectionExpressions.ConnectionStringKey] = text;
            foreach (var (key, value) in KubernetesConnectionString.Split(text))
            {
                resolved[key] = value;
            }
        }

        return (settings, lifted);
    }

    private async Task<KubernetesConnectorSpec> LiftAsync(KubernetesAppHostConnector declaration, CancellationToken cancellationToken)
    {
        var request = declaration.AutoConfigure!;
        if (options.AutoConfigure is null)
        {
            throw new KubernetesConnectorException(
                KubernetesHostingErrorCodes.AutoConfigureFailed,
                "Connector '" + declaration.Name + "' is auto-configured, but no kubeconfig reader is available to this app host.");
        }

        KubernetesConnectorSpec lifted;
        try
        {
            lifted = await options.AutoConfigure(declaration.Name, request, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesConnectorException failure)
        {
            throw new KubernetesConnectorException(
                KubernetesHostingErrorCodes.AutoConfigureFailed,
                "Connector '" + declaration.Name + "' could not lift kubeconfig context " + (request.Context is null ? "(current)" : "'" + request.Context + "'") + ": " + failure.Code + ": " + failure.Message,
                failure);
        }

        // What the app host states explicitly wins over what the context says.
        return lifted with
        {
            Name = declaration.Name,
            Server = declaration.Server ?? lifted.Server,
            ClusterName = declaration.ClusterName ?? lifted.ClusterName,
            Namespace = declaration.Namespace ?? lifted.Namespace,
            TlsServerName = declaration.TlsServerName ?? lifted.TlsServerName,
            InsecureSkipTlsVerify = declaration.InsecureSkipTlsVerify || lifted.InsecureSkipTlsVerify,
        };
    }

    private async Task LoginAsync(KubernetesAppHostConnector declaration, KubernetesConnectorSpec settings, CancellationToken cancellationToken)
    {
        if (options.KubectlLogin is null)
        {
            throw new KubernetesConnectorException(
                KubernetesHostingErrorCodes.KubectlLoginFailed,
                "Connector '" + declaration.Name + "' asks for a kubectl login, but no kubeconfig writer is available to this app host.");
        }

        try
        {
            await options.KubectlLogin(settings, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesConnectorException failure)
        {
            throw new KubernetesConnectorException(
                KubernetesHostingErrorCodes.KubectlLoginFailed,
                "Connector '" + declaration.Name + "' could not configure the local kubectl context: " + failure.Code + ": " + failure.Message,
                failure);
        }
    }

    private static async Task<string> ReadParameterAsync(
        KubernetesAppHostConnector declaration,
        string name,
        Func<string, CancellationToken, ValueTask<string?>> parameterValue,
        CancellationToken cancellationToken)
    {
        string? value;
        try
        {
            value = await parameterValue(name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw MissingParameter(declaration, name, e);
        }

        return value ?? throw MissingParameter(declaration, name, null);
    }

    private static KubernetesConnectorException MissingParameter(KubernetesAppHostConnector declaration, string name, Exception? inner) => new(
        KubernetesHostingErrorCodes.MissingParameterValue,
        "Connector '" + declaration.Name + "' needs the parameter '" + name + "', which has no value. Set 'Parameters:" + name + "' in the app host's user secrets (dotnet user-secrets set \"Parameters:" + name + "\" …) or environment (Parameters__" + name + ").",
        inner);

    /// <summary>
    /// A parameter value goes into the connection string as it is; it must come out of the runtime's parser
    /// unchanged, or components would receive something else than the app host was given.
    /// </summary>
    private static void ThrowIfNotCarried(KubernetesAppHostConnector declaration, string key, string parameter, string value)
    {
        bool carried;
        try
        {
            var pairs = KubernetesConnectionString.Split(key + "=" + value);
            carried = pairs.Count == 1 && pairs[0].Value == value;
        }
        catch (KubernetesConnectorException)
        {
            carried = false;
        }

        if (!carried)
        {
            throw new KubernetesConnectorException(
                KubernetesHostingErrorCodes.ValueNotCarried,
                "The value of parameter '" + parameter + "' (" + key + " of connector '" + declaration.Name + "') cannot be carried in a connection string: it contains ';', starts with a quote, or has leading or trailing spaces. Remove them from the value (certificate parameters take base64 of the PEM).");
        }
    }

    private static void ThrowIfInvalid(string name, KubernetesConnectorSpec settings)
    {
        var errors = KubernetesConnectorValidator.Validate(settings).Where(d => d.Severity == KubernetesDiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new KubernetesConnectorException(
                KubernetesHostingErrorCodes.InvalidSettings,
                "The settings of connector '" + name + "' are invalid: " + string.Join(" ", errors.Select(e => e.Code + " (" + e.Field + "): " + e.Message)));
        }
    }

    private static KubernetesConnectorInput InputOf(KubernetesAppHostConnector declaration, string key) => key switch
    {
        KubernetesConnectorKeys.CertificateAuthorityData => declaration.CertificateAuthority!,
        KubernetesConnectorKeys.ClientCertificateData => declaration.ClientCertificate!,
        _ => declaration.ClientKey!,
    };

    private void OnRefreshed(object? sender, KubernetesTokenRefreshedEventArgs e)
    {
        if (e.Succeeded)
        {
            Update(status => status.State == KubernetesConnectorState.Unhealthy ? status.MoveTo(KubernetesConnectorState.Running) : status);
        }
        else
        {
            Update(status => status.State == KubernetesConnectorState.Running ? status.MoveTo(KubernetesConnectorState.Unhealthy, e.Failure!.Code, e.Failure.Message) : status);
        }
    }

    private void Fail(string code, string reason, Exception? inner)
    {
        Update(status => status.MoveTo(KubernetesConnectorState.FailedToStart, code, reason));
        started.TrySetException(new KubernetesConnectorException(code, reason, inner));
        _ = started.Task.Exception; // observed: a failed start is reported through the status, not as an unobserved task
    }

    private void Update(Func<KubernetesConnectorStatus, KubernetesConnectorStatus> next)
    {
        KubernetesConnectorSnapshot updated;
        lock (gate)
        {
            var status = next(snapshot.Status);
            updated = snapshot = new KubernetesConnectorSnapshot(
                status,
                KubernetesConnectorDashboard.Properties(connector!, Settings, status, identity, refresher?.ExpiresAt));
        }

        Changed?.Invoke(this, new KubernetesConnectorChangedEventArgs(updated));
    }
}
