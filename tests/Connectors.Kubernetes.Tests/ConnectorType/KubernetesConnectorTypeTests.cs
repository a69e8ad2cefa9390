namespace Connectors.Kubernetes.Tests.ConnectorType;

public sealed class KubernetesConnectorTypeTests
{
    [Fact]
    public void The_type_is_named_as_zenml_names_it()
    {
        Assert.Equal("Kubernetes Service Connector", KubernetesConnectorType.Name);
        Assert.Equal("kubernetes", KubernetesConnectorType.Type);
        Assert.Equal(["kubernetes-cluster"], KubernetesConnectorType.ResourceTypes);
        Assert.True(KubernetesConnectorType.SupportsAutoConfiguration);
        Assert.Equal(["password", "token"], KubernetesConnectorType.AuthMethods.Select(m => m.Name));
    }

    [Fact]
    public void The_password_method_requires_its_two_secrets()
    {
        var password = KubernetesConnectorType.GetAuthMethod(KubernetesAuthMethod.Password);
        var required = password.Fields.Where(f => f.IsRequired).Select(f => f.Name).ToList();
        Assert.Equal(["Server", "Username", "Password"], required);
        Assert.All(password.Fields.Where(f => f.Name is "Username" or "Password"), f => Assert.True(f.IsSecret));
    }

    [Fact]
    public void The_token_method_has_an_optional_secret_token_and_a_secret_client_key()
    {
        var token = KubernetesConnectorType.GetAuthMethod(KubernetesAuthMethod.Token);
        var tokenField = Assert.Single(token.Fields, f => f.Name == "Token");
        Assert.True(tokenField.IsSecret);
        Assert.False(tokenField.IsRequired);
        Assert.True(Assert.Single(token.Fields, f => f.Name == "ClientKeyData").IsSecret);
        Assert.DoesNotContain(token.Fields, f => f.Name is "Username" or "Password");
    }

    [Fact]
    public void Every_field_is_a_connection_string_key_and_secret_fields_name_their_parameter()
    {
        var fields = KubernetesConnectorType.AuthMethods.SelectMany(m => m.Fields).ToList();
        Assert.All(fields, f => Assert.Contains(f.Name, KubernetesConnectorKeys.All));
        Assert.All(fields.Where(f => f.IsSecret), f => Assert.NotNull(f.ParameterSuffix));
        Assert.Equal(
            ["certificate-authority", "client-certificate", "client-key", "password", "token", "username"],
            fields.Select(f => f.ParameterSuffix).OfType<string>().Distinct().Order(StringComparer.Ordinal));
    }
}
