using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// Runs a kubeconfig exec credential plugin the way kubectl does: the command with its arguments as a
/// list (no shell), the process environment plus the entry's <c>env</c> and <c>KUBERNETES_EXEC_INFO</c>,
/// no terminal, and a time limit. The output must be an <c>ExecCredential</c> of the configured API version.
/// </summary>
public static class ExecCredentialPlugin
{
    /// <summary>The default time limit.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly string[] ApiVersions =
    [
        "client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1", "client.authentication.k8s.io/v1alpha1",
    ];

    /// <summary>Checks an exec entry the way kubectl does before it runs it.</summary>
    /// <exception cref="KubeconfigException">The entry is incomplete (<c>KC1211</c>) or needs a terminal (<c>KC1217</c>).</exception>
    public static void Validate(KubernetesExecConfig exec, string? where = null, KubeconfigOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(exec);
        string? problem = null;
        if (string.IsNullOrEmpty(exec.Command))
        {
            problem = "exec.command is missing";
        }
        else if (string.IsNullOrEmpty(exec.ApiVersion))
        {
            problem = "exec.apiVersion is missing (e.g. client.authentication.k8s.io/v1)";
        }
        else if (!ApiVersions.Contains(exec.ApiVersion, StringComparer.Ordinal))
        {
            problem = "exec.apiVersion '" + exec.ApiVersion + "' is not one of " + string.Join(", ", ApiVersions);
        }
        else if (exec.Environment.Any(e => string.IsNullOrEmpty(e.Key)))
        {
            problem = "an exec.env entry has no name";
        }
        else if (exec.InteractiveMode is not ("Never" or "IfAvailable" or "Always"))
        {
            problem = exec.InteractiveMode.Length == 0
                ? "exec.interactiveMode is missing (required with client.authentication.k8s.io/v1: Never, IfAvailable or Always)"
                : "exec.interactiveMode '" + exec.InteractiveMode + "' is not Never, IfAvailable or Always";
        }

        if (problem is not null)
        {
            throw new KubeconfigException(KubernetesErrorCodes.KubeconfigInvalidExec, "The exec plugin entry is invalid: " + problem + ".", origin?.FilePath, where, origin?.Line);
        }

        if (exec.InteractiveMode == "Always")
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.ExecPluginNeedsTerminal,
                "The exec plugin '" + exec.Command + "' requires a terminal (interactiveMode: Always), and connectors run it without one. Log in with the plugin first or set interactiveMode to IfAvailable or Never.",
                origin?.FilePath,
                where,
                origin?.Line);
        }
    }

    /// <summary>Runs the plugin and returns the credentials it printed.</summary>
    /// <param name="exec">The exec entry.</param>
    /// <param name="cluster">The cluster, passed in <c>KUBERNETES_EXEC_INFO</c> when the entry asks for it.</param>
    /// <param name="timeout">The time limit; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the run (the process is killed).</param>
    /// <exception cref="KubeconfigException">The entry is invalid (<c>KC1211</c>/<c>KC1217</c>), the plugin failed (<c>KC1212</c>), timed out (<c>KC1213</c>) or printed no valid credential (<c>KC1214</c>).</exception>
    public static async Task<ExecCredential> RunAsync(KubernetesExecConfig exec, KubeconfigCluster? cluster = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Validate(exec);
        var start = new ProcessStartInfo(exec.Command)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true,
        };
        foreach (var argument in exec.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in exec.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["KUBERNETES_EXEC_INFO"] = ExecInfo(exec, cluster);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.ExecPluginFailed,
                "The exec plugin '" + exec.Command + "' could not be started: " + e.Message + "." + (string.IsNullOrWhiteSpace(exec.InstallHint) ? " Install it or fix the command path." : " " + exec.InstallHint!.Trim()),
                innerException: e);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var limit = timeout ?? DefaultTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new KubeconfigException(
                KubernetesErrorCodes.ExecPluginTimedOut,
                "The exec plugin '" + exec.Command + "' did not finish within " + limit.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s. It may be waiting for an interactive login; log in with it first.");
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.ExecPluginFailed,
                "The exec plugin '" + exec.Command + "' exited with code " + process.ExitCode.ToString(CultureInfo.InvariantCulture) + Tail(errors) + ".");
        }

        return ParseOutput(output, exec);
    }

    /// <summary>Parses the plugin's standard output. The output itself is never quoted in errors (it holds secrets).</summary>
    internal static ExecCredential ParseOutput(string output, KubernetesExecConfig exec)
    {
        static KubeconfigException Invalid(KubernetesExecConfig exec, string problem) =>
            new(KubernetesErrorCodes.ExecPluginInvalidOutput, "The exec plugin '" + exec.Command + "' printed an invalid ExecCredential: " + problem + ".");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output);
        }
        catch (JsonException)
        {
            throw Invalid(exec, "the output is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(exec, "the output is not a JSON object");
            }

            var kind = Text(root, "kind");
            if (kind is not null && kind != "ExecCredential")
            {
                throw Invalid(exec, "its kind is '" + kind + "', not ExecCredential");
            }

            var apiVersion = Text(root, "apiVersion");
            if (apiVersion != exec.ApiVersion)
            {
                throw Invalid(exec, "the plugin is configured for " + exec.ApiVersion + " but returned apiVersion '" + apiVersion + "'");
            }

            if (!root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(exec, "it has no status");
            }

            var token = Text(status, "token");
            var certificate = Text(status, "clientCertificateData");
            var key = Text(status, "clientKeyData");
            if (string.IsNullOrEmpty(certificate) != string.IsNullOrEmpty(key))
            {
                throw Invalid(exec, "it returned only one of clientCertificateData and clientKeyData");
            }

            if (string.IsNullOrEmpty(token) && string.IsNullOrEmpty(certificate))
            {
                throw Invalid(exec, "it returned neither a token nor a client certificate and key");
            }

            DateTimeOffset? expires = null;
            var expiresText = Text(status, "expirationTimestamp");
            if (!string.IsNullOrEmpty(expiresText))
            {
                if (!DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    throw Invalid(exec, "expirationTimestamp '" + expiresText + "' is not an RFC 3339 time");
                }

                expires = parsed;
            }

            return new ExecCredential
            {
                Token = string.IsNullOrEmpty(token) ? null : new SecretValue(token),
                ClientCertificateData = string.IsNullOrEmpty(certificate) ? null : certificate,
                ClientKeyData = string.IsNullOrEmpty(key) ? null : new SecretValue(key),
                ExpirationTimestamp = expires,
            };
        }
    }

    /// <summary>Builds the <c>KUBERNETES_EXEC_INFO</c> value.</summary>
    internal static string ExecInfo(KubernetesExecConfig exec, KubeconfigCluster? cluster)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "ExecCredential");
            writer.WriteString("apiVersion", exec.ApiVersion);
            writer.WriteStartObject("spec");
            if (exec.ProvideClusterInfo && cluster is not null)
            {
                writer.WriteStartObject("cluster");
                writer.WriteString("server", cluster.Server ?? string.Empty);
                if (!string.IsNullOrEmpty(cluster.TlsServerName))
                {
                    writer.WriteString("tls-server-name", cluster.TlsServerName);
                }

                if (cluster.InsecureSkipTlsVerify)
                {
                    writer.WriteBoolean("insecure-skip-tls-verify", true);
                }

                if (cluster.CertificateAuthorityData is not null)
                {
                    writer.WriteString("certificate-authority-data", Convert.ToBase64String(Encoding.UTF8.GetBytes(cluster.CertificateAuthorityData)));
                }

                if (!string.IsNullOrEmpty(cluster.ProxyUrl))
                {
                    writer.WriteString("proxy-url", cluster.ProxyUrl);
                }

                if (cluster.DisableCompression)
                {
                    writer.WriteBoolean("disable-compression", true);
                }

                if (cluster.ExecExtensionJson is not null)
                {
                    writer.WritePropertyName("config");
                    writer.WriteRawValue(cluster.ExecExtensionJson);
                }

                writer.WriteEndObject();
            }

            writer.WriteBoolean("interactive", false);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Tail(string stderr)
    {
        var trimmed = stderr.Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        return ": " + (trimmed.Length <= 400 ? trimmed : "…" + trimmed[^400..]);
    }
}
