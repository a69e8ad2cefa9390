namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// Changes a kubeconfig the way kubectl does, only safer: take <c>&lt;file&gt;.lock</c>, read the
/// file, apply the change to its YAML node tree, replace it atomically, release the lock.
/// </summary>
internal static class KubeconfigFileWriter
{
    /// <summary>
    /// Applies <paramref name="change"/> to the kubeconfig at <paramref name="path"/> (created when
    /// missing); the file is rewritten only when the change says it changed something.
    /// </summary>
    /// <returns>What <paramref name="change"/> returned, and whether the file was new.</returns>
    public static async Task<(T Result, bool Created)> UpdateAsync<T>(
        string path, Func<KubeconfigYamlDocument, (T Result, bool Changed)> change, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        var target = ResolveFinalPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var fileLock = await KubeconfigFileLock.AcquireAsync(target, lockWait, cancellationToken).ConfigureAwait(false);
        var existing = File.Exists(target) ? await ReadAsync(target, cancellationToken).ConfigureAwait(false) : null;
        var document = KubeconfigYamlDocument.Parse(existing, target);
        var (result, changed) = change(document);
        if (changed)
        {
            if (existing is not null)
            {
                EnsureWritable(target);
            }

            KubeconfigAtomicFile.Replace(target, document.Serialize());
        }

        return (result, existing is null);
    }

    // ~/.kube/config is often a symbolic link into a dotfiles repository: change the file it points
    // to rather than replacing the link with a regular file.
    private static string ResolveFinalPath(string path)
    {
        var full = Path.GetFullPath(path);
        var target = File.Exists(full) ? new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) : null;
        return target?.FullName ?? full;
    }

    // The atomic replace renames a new file over the old one, which only needs a writable directory:
    // without this check a file its owner made read-only would be replaced (and root ignores modes
    // anyway). kubectl refuses such a file, and so do we.
    private static void EnsureWritable(string path)
    {
        var readOnly = OperatingSystem.IsWindows()
            ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
            : (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
        try
        {
            if (!readOnly)
            {
                // Asks the operating system (owner, group, ACLs); opening without truncating changes nothing.
                using var probe = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            }
        }
        catch (UnauthorizedAccessException)
        {
            readOnly = true;
        }

        if (readOnly)
        {
            throw new KubernetesConnectorException(
                KubeconfigWriteErrorCodes.WriteFailed,
                $"the kubeconfig '{path}' is read-only; it was left untouched. Make it writable (chmod u+w) or choose another file (--kubeconfig or KUBECONFIG).");
        }
    }

    private static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubernetesConnectorException(
                KubeconfigWriteErrorCodes.WriteFailed,
                $"the kubeconfig '{path}' could not be read ({e.GetType().Name}); it was left untouched. Check its permissions.",
                e);
        }
    }
}
