using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Tests.Login;

namespace Connectors.Kubernetes.Tests.Credentials;

/// <summary>Small exec credential plugins written as shell scripts into a temp directory.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class ExecPluginScripts
{
    public const string ApiVersion = "client.authentication.k8s.io/v1";

    /// <summary>
    /// A plugin that counts its runs in <c>runs</c>, saves the exec info it got in <c>exec-info</c>, and
    /// prints token <c>{prefix}-{run}</c> expiring at the contents of the file <c>expiry</c> (if any).
    /// </summary>
    public static KubernetesExecConfig Counting(TempDirectory directory, string prefix = "tok")
    {
        var script = directory.File("plugin.sh");
        File.WriteAllText(script, """
            #!/bin/sh
            n=$(cat "$PLUGIN_DIR/runs" 2>/dev/null || echo 0)
            n=$((n+1))
            echo "$n" > "$PLUGIN_DIR/runs"
            printf '%s' "$KUBERNETES_EXEC_INFO" > "$PLUGIN_DIR/exec-info"
            expiry=$(cat "$PLUGIN_DIR/expiry" 2>/dev/null || true)
            if [ -n "$expiry" ]; then
              printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s-%s","expirationTimestamp":"%s"}}' "$1" "$PREFIX" "$n" "$expiry"
            else
              printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s-%s"}}' "$1" "$PREFIX" "$n"
            fi
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new KubernetesExecConfig
        {
            Command = script,
            Arguments = [ApiVersion],
            Environment = [new("PLUGIN_DIR", directory.Path), new("PREFIX", prefix)],
            ApiVersion = ApiVersion,
        };
    }

    /// <summary>A plugin whose body is <paramref name="body"/> (a shell script).</summary>
    public static KubernetesExecConfig Script(TempDirectory directory, string body)
    {
        var script = directory.File($"plugin-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new KubernetesExecConfig { Command = script, ApiVersion = ApiVersion };
    }

    public static int Runs(TempDirectory directory) =>
        File.Exists(directory.File("runs")) ? int.Parse(File.ReadAllText(directory.File("runs")).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;
}
