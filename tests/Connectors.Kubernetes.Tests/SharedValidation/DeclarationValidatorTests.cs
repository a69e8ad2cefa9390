using Connectors.Kubernetes.Tests.Support;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Tests.SharedValidation;

/// <summary>The shared validator as the MSBuild task and the CLI use it.</summary>
public sealed class DeclarationValidatorTests
{
    [Theory]
    [InlineData(ConnectorRules.RuntimeBase, "KC1001")]
    [InlineData(ConnectorRules.MSBuildBase, "KC2001")]
    [InlineData(ConnectorRules.CliBase, "KC5001")]
    public void Rule_numbers_are_shared_across_layers(int layer, string code) => Assert.Equal(code, ConnectorRules.Code(layer, ConnectorRule.InvalidName));

    [Fact]
    public void Rule_numbers_are_stable() =>
        Assert.Equal(
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21],
            Enum.GetValues<ConnectorRule>().Select(r => (int)r));

    [Fact]
    public void A_project_file_declaration_with_paths_and_parameters_is_valid()
    {
        using var temp = new TempDirectory();
        var certs = TestCertificates.Default;
        temp.Write("certs/ca.crt", certs.CaPem);
        temp.Write("certs/client.crt", certs.ClientCertificatePem);
        temp.Write("certs/client.key", certs.ClientKeyPem);
        var declaration = new ConnectorDeclaration
        {
            Name = "kube-prod",
            Server = "https://kube-prod.example.test",
            AuthMethod = "token",
            CertificateAuthority = "certs/ca.crt",
            ClientCertificate = "certs/client.crt",
            ClientKey = "certs/client.key",
            InsecureSkipTlsVerify = "false",
            ExpiresAt = "2099-01-01T00:00:00Z",
            BaseDirectory = temp.Path,
        };
        Assert.Empty(DeclarationValidator.Validate(declaration, new DeclarationValidationOptions { SecretsSupplied = false, ForbidInlineSecrets = true }));
    }

    [Fact]
    public void Secrets_written_inline_in_a_project_file_are_rule_17()
    {
        var declaration = new ConnectorDeclaration
        {
            Name = "kube-prod",
            Server = "https://kube-prod.example.test",
            Token = "abc",
            ClientCertificate = TestCertificates.Default.ClientCertificatePem,
            ClientKey = TestCertificates.Default.ClientKeyPem,
        };
        var found = DeclarationValidator.Validate(declaration, new DeclarationValidationOptions { SecretsSupplied = false, ForbidInlineSecrets = true });
        Assert.Equal(["Token", "ClientKey"], found.Where(d => d.Rule == ConnectorRule.SecretInDeclaration).Select(d => d.Field));
        Assert.Equal("KC2017", found[0].Code(ConnectorRules.MSBuildBase));
        Assert.Contains("kube-prod-token", found[0].Message);
        Assert.DoesNotContain(found, d => d.Message.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_secrets_the_password_check_is_skipped_but_the_warning_stays()
    {
        var declaration = new ConnectorDeclaration { Name = "kube-dev", Server = "https://kube-dev.example.test", AuthMethod = "Password" };
        var found = DeclarationValidator.Validate(declaration, new DeclarationValidationOptions { SecretsSupplied = false });
        Assert.Equal(ConnectorRule.PasswordMethodNotForProduction, Assert.Single(found).Rule);
        var withSecrets = DeclarationValidator.Validate(declaration);
        Assert.Contains(withSecrets, d => d.Rule == ConnectorRule.PasswordCredentialsIncomplete);
    }

    [Theory]
    [InlineData("AuthMethod", "oidc", 5)]
    [InlineData("InsecureSkipTlsVerify", "yes", 16)]
    [InlineData("ExpiresAt", "next tuesday", 15)]
    public void Text_fields_are_checked(string field, string value, int rule)
    {
        var declaration = new ConnectorDeclaration { Name = "k", Server = "https://k.example.test" };
        typeof(ConnectorDeclaration).GetProperty(field)!.SetValue(declaration, value);
        var d = Assert.Single(DeclarationValidator.Validate(declaration));
        Assert.Equal((rule, field, DeclarationSeverity.Error), ((int)d.Rule, d.Field, d.Severity));
        Assert.Contains(value, d.Message);
    }

    [Fact]
    public void Jwt_expiry_is_read_from_the_exp_claim_and_opaque_tokens_have_none()
    {
        var expiry = new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
        Assert.Equal(expiry, JwtExpiry.Read(Jwt.WithExpiry(expiry)));
        Assert.Null(JwtExpiry.Read("opaque-token"));
        Assert.Null(JwtExpiry.Read("a.b.c"));
        Assert.Null(JwtExpiry.Read(null));
    }
}
