namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// kubectl's kubeconfig lock: the file <c>&lt;kubeconfig&gt;.lock</c>, created exclusively before a
/// change and deleted after it. kubectl gives up at once when it exists; we wait a little first
/// (so concurrent logins of our own queue up) and then refuse with a coded error.
/// </summary>
internal sealed class KubeconfigFileLock : IDisposable
{
    private readonly FileStream _stream;

    private KubeconfigFileLock(string path, FileStream stream)
    {
        LockPath = path;
        _stream = stream;
    }

    /// <summary>The lock file's path.</summary>
    public string LockPath { get; }

    public static string LockPathFor(string kubeconfigPath) => kubeconfigPath + ".lock";

    public static async Task<KubeconfigFileLock> AcquireAsync(string kubeconfigPath, TimeSpan wait, CancellationToken cancellationToken)
    {
        var lockPath = LockPathFor(kubeconfigPath);
        var deadline = DateTime.UtcNow + wait;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                var options = new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                return new KubeconfigFileLock(lockPath, new FileStream(lockPath, options));
            }
            catch (IOException e) when (e is not DirectoryNotFoundException)
            {
                // Either the lock exists, or it vanished between the failed create and now (then retry almost at once).
                if (DateTime.UtcNow >= deadline)
                {
                    throw File.Exists(lockPath)
                        ? new KubernetesConnectorException(
                            KubeconfigWriteErrorCodes.LockHeld,
                            $"the kubeconfig '{kubeconfigPath}' is locked by another process (lock file '{lockPath}'). "
                            + "Wait for the other kubectl or login to finish and retry; if none is running, the lock is left over from a crash: delete the lock file.")
                        : new KubernetesConnectorException(
                            KubeconfigWriteErrorCodes.WriteFailed,
                            $"the lock file '{lockPath}' could not be created ({e.GetType().Name}). Check the kubeconfig's directory is writable.",
                            e);
                }

                var released = !File.Exists(lockPath);
                await Task.Delay(released ? TimeSpan.FromMilliseconds(1) : delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
            }
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        File.Delete(LockPath);
    }
}
