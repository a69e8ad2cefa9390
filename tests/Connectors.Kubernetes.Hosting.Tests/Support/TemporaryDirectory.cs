namespace Connectors.Kubernetes.Hosting.Tests.Support;

/// <summary>A private temporary directory deleted at the end of a test.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("connectors-hosting-tests-").FullName;

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
