using System.Diagnostics;
using System.Text.Json;

namespace Connectors.Kubernetes.Tests.Model;

public sealed class SecretValueTests
{
    private const string Value = "eyJhbGciOi-very-secret";

    [Fact]
    public void Printing_never_shows_the_value()
    {
        var secret = new SecretValue(Value);
        Assert.Equal("[HIDDEN]", secret.ToString());
        Assert.Equal("token=[HIDDEN]", $"token={secret}");
        Assert.Equal(Value, secret.Reveal());
    }

    [Fact]
    public void The_debugger_shows_the_mask()
    {
        var attribute = (DebuggerDisplayAttribute)Attribute.GetCustomAttribute(typeof(SecretValue), typeof(DebuggerDisplayAttribute))!;
        Assert.Equal("[HIDDEN]", attribute.Value);
    }

    [Fact]
    public void Json_serialization_writes_the_mask_and_refuses_to_read_it_back()
    {
        var json = JsonSerializer.Serialize(new { Token = new SecretValue(Value) });
        Assert.Equal("{\"Token\":\"[HIDDEN]\"}", json);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SecretValue>("\"[HIDDEN]\""));
        Assert.Equal(Value, JsonSerializer.Deserialize<SecretValue>("\"" + Value + "\"")!.Reveal());
    }

    [Fact]
    public void A_spec_serialized_or_printed_hides_every_secret()
    {
        var spec = new KubernetesConnectorSpec
        {
            Name = "kube-prod",
            Server = "https://kube-prod.example.test",
            Token = new SecretValue(Value),
            Username = new SecretValue("user-secret"),
            Password = new SecretValue("password-secret"),
            ClientKeyData = new SecretValue("-----BEGIN PRIVATE KEY-----\nkey-secret\n-----END PRIVATE KEY-----\n"),
        };
        foreach (var text in new[] { spec.ToString(), JsonSerializer.Serialize(spec) })
        {
            Assert.Contains("[HIDDEN]", text);
            Assert.DoesNotContain(Value, text);
            Assert.DoesNotContain("user-secret", text);
            Assert.DoesNotContain("password-secret", text);
            Assert.DoesNotContain("key-secret", text);
        }
    }

    [Fact]
    public void Equality_compares_values_and_emptiness_is_reported()
    {
        Assert.Equal(new SecretValue("a"), new SecretValue("a"));
        Assert.NotEqual(new SecretValue("a"), new SecretValue("b"));
        Assert.True(SecretValue.Empty.IsEmpty);
        Assert.False(new SecretValue("a").IsEmpty);
        Assert.Null(SecretValue.From(null));
    }
}
