namespace Connectors.Kubernetes.Cli.Infrastructure;

/// <summary>
/// An exclusive lock taken by creating <c>&lt;file&gt;.lock</c> (kubectl's convention): creation fails
/// when another process holds it, and the failure says so instead of waiting or overwriting its work.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(string path, FileStream stream)
    {
        LockPath = path;
        _stream = stream;
    }

    /// <summary>Path of the lock file.</summary>
    public string LockPath { get; }

    /// <summary>Takes the lock for <paramref name="file"/>.</summary>
    /// <exception cref="CliException">KC5111 when the lock file exists already.</exception>
    public static FileLock Acquire(string file)
    {
        var path = file + ".lock";
        try
        {
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return new FileLock(path, stream);
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new CliException(
                CliDiagnostics.LockHeld,
                $"'{path}' exists: another dotnet connector command is changing '{Path.GetFileName(file)}'.",
                "Wait for it to finish. If no other command is running, the lock is left over from a crash: delete the .lock file.",
                ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
