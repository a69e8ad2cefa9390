using System.Text;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// Replaces a kubeconfig in one step: the new text goes to a temporary file in the same directory,
/// is flushed to disk, gets the old file's mode (0600 for a new file) and is renamed over the old
/// one. A crash at any point leaves either the old file or the new one, never half of either.
/// </summary>
internal static class KubeconfigAtomicFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Test hook: runs after the temporary file is complete and before the rename.</summary>
    internal static Action<string>? BeforeRenameForTests { get; set; }

    public static void Replace(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // Created owner-only from the first byte: the file holds credentials.
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(temporary, options))
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(path))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            BeforeRenameForTests?.Invoke(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new KubernetesConnectorException(
                KubeconfigWriteErrorCodes.WriteFailed,
                $"the kubeconfig '{path}' could not be written ({e.GetType().Name}); it is unchanged. Check the directory is writable and the disk has room.",
                e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temporary file is harmless, kubectl never reads it.
        }
    }
}
