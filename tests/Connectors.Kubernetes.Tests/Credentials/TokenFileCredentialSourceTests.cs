using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Credentials;
using Connectors.Kubernetes.Tests.Login;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Kubernetes.Tests.Credentials;

public sealed class TokenFileCredentialSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _temp.Dispose();

    private TokenFileCredentialSource Create(string path) =>
        new(path, TimeSpan.FromSeconds(10), _time, NullLogger.Instance);

    private static string Header(KubernetesCredential credential) => credential.ToAuthorizationHeader()!.ToString();

    [Fact]
    public async Task The_token_is_trimmed_of_the_newline_editors_and_kubectl_leave()
    {
        var path = _temp.File("token");
        await File.WriteAllTextAsync(path, "  abc.def \n");
        using var source = Create(path);

        Assert.Equal("Bearer abc.def", Header(await source.GetAsync(default)));
    }

    [Fact]
    public async Task A_rotated_file_is_picked_up_only_after_the_minimum_interval()
    {
        var path = _temp.File("token");
        await File.WriteAllTextAsync(path, "first");
        using var source = Create(path);
        Assert.Equal("Bearer first", Header(await source.GetAsync(default)));

        await File.WriteAllTextAsync(path, "second-and-longer");
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("Bearer first", Header(await source.GetAsync(default)));

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("Bearer second-and-longer", Header(await source.GetAsync(default)));
    }

    [Fact]
    public async Task An_empty_or_deleted_file_keeps_the_last_good_token()
    {
        var path = _temp.File("token");
        await File.WriteAllTextAsync(path, "good");
        using var source = Create(path);
        Assert.Equal("Bearer good", Header(await source.GetAsync(default)));

        await File.WriteAllTextAsync(path, "   \n");
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Bearer good", Header(await source.GetAsync(default)));

        File.Delete(path);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Bearer good", Header(await source.GetAsync(default)));
    }

    [Fact]
    public async Task A_missing_file_with_no_earlier_token_is_a_coded_error_naming_the_file()
    {
        var path = _temp.File("absent");
        using var source = Create(path);

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(async () => await source.GetAsync(default));

        Assert.Equal(KubernetesClientErrorCodes.TokenFileUnreadable, error.Code);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task After_a_401_the_file_is_read_at_once_and_an_unchanged_token_gives_no_retry()
    {
        var path = _temp.File("token");
        await File.WriteAllTextAsync(path, "old");
        using var source = Create(path);
        var rejected = await source.GetAsync(default);

        Assert.Null(await source.RefreshAsync(rejected, default));

        await File.WriteAllTextAsync(path, "new");
        var fresh = await source.RefreshAsync(rejected, default);
        Assert.NotNull(fresh);
        Assert.Equal("Bearer new", Header(fresh));
    }

    [Fact]
    public void The_credential_never_shows_its_secret()
    {
        var credential = KubernetesCredential.Bearer("super-secret");
        Assert.DoesNotContain("super-secret", credential.ToString());
        Assert.DoesNotContain("super-secret", KubernetesCredential.Basic("user", "pass-secret").ToString());
    }
}
