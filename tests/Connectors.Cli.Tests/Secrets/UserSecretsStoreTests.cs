using System.Text.Json.Nodes;
using Connectors.Cli.Tests.Support;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Secrets;

namespace Connectors.Cli.Tests.Secrets;

public sealed class UserSecretsStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private Func<string, string?> Env => name => name == UserSecretsStore.RootVariable ? _folder.Path : null;

    [Fact]
    public void Keeps_every_other_secret_flat_or_nested_when_setting_and_removing()
    {
        _folder.Write("id-1/secrets.json", """
            {
              "ConnectionStrings:db": "Host=x",
              "Parameters": { "other-token": "keep", "kube-a-token": "old" },
              "Parameters:kube-a-password": "gone"
            }
            """);
        var store = UserSecretsStore.Open(Env, "id-1");

        store.Set("Parameters:kube-a-token", "new");
        store.Set("Parameters:kube-a-username", "me");
        Assert.True(store.Remove("Parameters:kube-a-password"));
        store.Save();

        var json = JsonNode.Parse(File.ReadAllText(store.FilePath))!.AsObject();
        Assert.Equal("Host=x", (string?)json["ConnectionStrings:db"]);
        Assert.Equal("keep", (string?)json["Parameters"]!["other-token"]);
        Assert.Equal("new", (string?)json["Parameters"]!["kube-a-token"]);
        Assert.Equal("me", (string?)json["Parameters:kube-a-username"]);
        Assert.Null(json["Parameters:kube-a-password"]);
        Assert.Equal("new", UserSecretsStore.Open(Env, "id-1").Get("parameters:KUBE-A-TOKEN"));
    }

    [Fact]
    public void A_new_file_is_private_to_its_owner()
    {
        Skip.If(OperatingSystem.IsWindows());
        var store = UserSecretsStore.Open(Env, "id-2");
        store.Set("Parameters:k-token", "s");
        store.Save();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(store.FilePath)!));
    }

    [Fact]
    public void Invalid_json_is_a_coded_error_that_quotes_no_content()
    {
        _folder.Write("id-3/secrets.json", "{ \"Parameters:k-token\": \"canary-value-123\", ");
        var ex = Assert.Throws<CliException>(() => UserSecretsStore.Open(Env, "id-3"));

        Assert.Equal("KC5110", ex.Code);
        Assert.DoesNotContain("canary-value-123", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_standard_location_follows_home_when_not_overridden()
    {
        var root = UserSecretsStore.RootFolder(name => name == "HOME" ? "/home/someone" : null);
        Assert.Equal(Path.Combine("/home/someone", ".microsoft", "usersecrets"), root);
    }

    [Fact]
    public void A_user_secrets_id_that_is_not_a_folder_name_is_refused()
    {
        Assert.Equal("KC5110", Assert.Throws<CliException>(() => UserSecretsStore.Open(Env, "../escape")).Code);
    }

    public void Dispose() => _folder.Dispose();
}
