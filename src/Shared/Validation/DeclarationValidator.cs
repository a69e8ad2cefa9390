// Shared source: compiled into the runtime, the MSBuild task and the CLI. BCL only.
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Connectors.Kubernetes.Naming;

namespace Connectors.Kubernetes.Validation;

/// <summary>
/// The one validator of connector declarations, shared by the runtime, the MSBuild task and the
/// command line. It never echoes secret values in its messages.
/// </summary>
internal static class DeclarationValidator
{
    /// <summary>Validates <paramref name="declaration"/> and returns every finding, errors and warnings.</summary>
    public static IReadOnlyList<DeclarationDiagnostic> Validate(ConnectorDeclaration declaration, DeclarationValidationOptions? options = null)
    {
        options ??= new DeclarationValidationOptions();
        var now = options.Now ?? DateTimeOffset.UtcNow;
        var found = new List<DeclarationDiagnostic>();

        void Error(ConnectorRule rule, string field, string message) => found.Add(new DeclarationDiagnostic(rule, DeclarationSeverity.Error, field, message));
        void Warning(ConnectorRule rule, string field, string message) => found.Add(new DeclarationDiagnostic(rule, DeclarationSeverity.Warning, field, message));

        var nameProblem = ConnectorNameRules.Explain(declaration.Name);
        if (nameProblem is not null)
        {
            Error(ConnectorRule.InvalidName, "Name", "The connector name '" + declaration.Name + "' is invalid: " + nameProblem + ". Use " + ConnectorNameRules.Description + ".");
        }

        ValidateServer(declaration.Server, Error, Warning);

        var method = (declaration.AuthMethod ?? string.Empty).Trim();
        var isPassword = string.Equals(method, "password", StringComparison.OrdinalIgnoreCase);
        if (method.Length != 0 && !isPassword && !string.Equals(method, "token", StringComparison.OrdinalIgnoreCase))
        {
            Error(ConnectorRule.InvalidAuthMethod, "AuthMethod", "The auth method '" + method + "' is not supported. Use 'token' or 'password'.");
        }

        if (options.ForbidInlineSecrets)
        {
            foreach (var (field, value) in new[] { ("Token", declaration.Token), ("Username", declaration.Username), ("Password", declaration.Password) })
            {
                if (!string.IsNullOrEmpty(value))
                {
                    Error(ConnectorRule.SecretInDeclaration, field, "The " + field + " is written inline in the declaration. Secrets never belong in a project file: remove it and set the parameter '" + declaration.Name + "-" + field.ToLowerInvariant() + "' (user secrets or environment) instead.");
                }
            }
        }

        var hasClientCertificate = !IsBlank(declaration.ClientCertificate);
        var hasClientKey = !IsBlank(declaration.ClientKey);
        if (isPassword)
        {
            if (options.SecretsSupplied)
            {
                var missing = new List<string>();
                if (IsBlank(declaration.Username))
                {
                    missing.Add("Username");
                }

                if (IsBlank(declaration.Password))
                {
                    missing.Add("Password");
                }

                if (missing.Count > 0)
                {
                    Error(ConnectorRule.PasswordCredentialsIncomplete, missing[0], "The password auth method needs both a username and a password; " + string.Join(" and ", missing) + (missing.Count == 1 ? " is" : " are") + " missing. Provide both, or use the token auth method.");
                }
            }

            Warning(ConnectorRule.PasswordMethodNotForProduction, "AuthMethod", "The password auth method sends basic-auth credentials, which most clusters disable; do not use it in production. Prefer a token or a client certificate.");
            foreach (var (field, present) in new[] { ("Token", !IsBlank(declaration.Token)), ("TokenFile", !IsBlank(declaration.TokenFile)), ("ClientCertificate", hasClientCertificate), ("ClientKey", hasClientKey) })
            {
                if (present)
                {
                    Error(ConnectorRule.AuthMethodFieldConflict, field, "The " + field + " belongs to the token auth method but the connector uses the password method. Remove it, or set AuthMethod to 'token'.");
                }
            }
        }
        else
        {
            foreach (var (field, present) in new[] { ("Username", !IsBlank(declaration.Username)), ("Password", !IsBlank(declaration.Password)) })
            {
                if (present)
                {
                    Error(ConnectorRule.AuthMethodFieldConflict, field, "The " + field + " belongs to the password auth method but the connector uses the token method. Remove it, or set AuthMethod to 'password'.");
                }
            }
        }

        if (options.SecretsSupplied && !IsBlank(declaration.TokenFile))
        {
            var tokenPath = CertificateMaterial.ResolvePath(declaration.TokenFile!.Trim(), declaration.BaseDirectory);
            if (!File.Exists(tokenPath))
            {
                Error(ConnectorRule.InvalidTokenFile, "TokenFile", "The token file '" + tokenPath + "' does not exist. Fix the path or give the token itself.");
            }
        }

        var insecure = false;
        var insecureText = (declaration.InsecureSkipTlsVerify ?? string.Empty).Trim();
        if (insecureText.Length != 0 && !bool.TryParse(insecureText, out insecure))
        {
            Error(ConnectorRule.InvalidBoolean, "InsecureSkipTlsVerify", "InsecureSkipTlsVerify is '" + insecureText + "'; use 'true' or 'false'.");
        }

        var hasCertificateAuthority = !IsBlank(declaration.CertificateAuthority);
        if (hasCertificateAuthority)
        {
            ValidateCertificateAuthority(declaration, Error);
        }

        if (insecure && hasCertificateAuthority)
        {
            Error(ConnectorRule.CertificateAuthorityWithInsecure, "InsecureSkipTlsVerify", "A certificate authority and InsecureSkipTlsVerify=true were both given; they contradict each other (kubectl rejects this too). Remove InsecureSkipTlsVerify to verify the server with the CA, or remove the CA.");
        }

        if (hasClientCertificate != hasClientKey)
        {
            var given = hasClientCertificate ? "ClientCertificate" : "ClientKey";
            var missing = hasClientCertificate ? "ClientKey" : "ClientCertificate";
            Error(ConnectorRule.ClientCertificateKeyPair, missing, "A " + given + " was given without a " + missing + "; a client certificate and its key come together. Provide both or neither.");
        }

        if (options.ForbidInlineSecrets && hasClientKey)
        {
            CertificateMaterial.TryLoad(declaration.ClientKey!, declaration.BaseDirectory, "PRIVATE KEY", secret: true, out var keyForm, out _);
            if (keyForm != CertificateMaterial.Form.File)
            {
                Error(ConnectorRule.SecretInDeclaration, "ClientKey", "The client key is written inline in the declaration. Give a path to the key file, or set the parameter '" + declaration.Name + "-client-key' instead.");
                hasClientKey = false;
            }
        }

        X509Certificate2? clientCertificate = null;
        try
        {
            string? certificatePem = null;
            if (hasClientCertificate)
            {
                certificatePem = CertificateMaterial.TryLoad(declaration.ClientCertificate!, declaration.BaseDirectory, "CERTIFICATE", secret: false, out _, out var error);
                if (certificatePem is null)
                {
                    Error(ConnectorRule.InvalidClientCertificate, "ClientCertificate", "The client certificate cannot be loaded: " + error + ".");
                }
                else
                {
                    clientCertificate = ParseCertificate(certificatePem, out error);
                    if (clientCertificate is null)
                    {
                        Error(ConnectorRule.InvalidClientCertificate, "ClientCertificate", "The client certificate is not a valid X.509 certificate: " + error + ".");
                    }
                }
            }

            string? keyPem = null;
            if (hasClientKey)
            {
                keyPem = CertificateMaterial.TryLoad(declaration.ClientKey!, declaration.BaseDirectory, "PRIVATE KEY", secret: true, out _, out var error);
                var keyProblem = keyPem is null ? error : CheckPrivateKey(keyPem);
                if (keyProblem is not null)
                {
                    Error(ConnectorRule.InvalidClientKey, "ClientKey", "The client key cannot be used: " + keyProblem + ".");
                    keyPem = null;
                }
            }

            if (clientCertificate is not null && certificatePem is not null && keyPem is not null && !KeyMatches(certificatePem, keyPem))
            {
                Error(ConnectorRule.ClientCertificateKeyMismatch, "ClientKey", "The client key does not belong to the client certificate (subject '" + clientCertificate.Subject + "'). Give the key the certificate was issued for.");
            }

            ValidateExpiry(declaration, options, now, clientCertificate, Error, Warning);
        }
        finally
        {
            clientCertificate?.Dispose();
        }

        if (!IsBlank(declaration.TlsServerName) && Uri.CheckHostName(declaration.TlsServerName!.Trim()) == UriHostNameType.Unknown)
        {
            Error(ConnectorRule.InvalidTlsServerName, "TlsServerName", "TlsServerName '" + declaration.TlsServerName + "' is not a host name. Give the name the server certificate was issued for, without scheme or port.");
        }

        if (!IsBlank(declaration.Namespace) && !IsNamespace(declaration.Namespace!))
        {
            Error(ConnectorRule.InvalidNamespace, "Namespace", "The namespace '" + declaration.Namespace + "' is not a valid Kubernetes namespace: use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit.");
        }

        return found;
    }

    private static void ValidateServer(string? server, Action<ConnectorRule, string, string> error, Action<ConnectorRule, string, string> warning)
    {
        if (IsBlank(server))
        {
            error(ConnectorRule.MissingServer, "Server", "No server was given. Set Server to the API server URL, e.g. https://kube-prod.example.test:6443.");
            return;
        }

        var text = server!.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) ||
            uri.Host.Length == 0)
        {
            error(ConnectorRule.InvalidServer, "Server", "The server '" + text + "' is not an absolute http(s) URL. Use the form https://host[:port].");
            return;
        }

        if (uri.UserInfo.Length != 0)
        {
            error(ConnectorRule.InvalidServer, "Server", "The server URL carries user information; credentials never go into the URL. Remove it and use the auth method fields.");
            return;
        }

        if (uri.Query.Length != 0 || uri.Fragment.Length != 0)
        {
            error(ConnectorRule.InvalidServer, "Server", "The server '" + text + "' has a query or fragment; give only scheme, host, port and an optional path.");
            return;
        }

        if (uri.Scheme == Uri.UriSchemeHttp)
        {
            warning(ConnectorRule.InsecureHttpServer, "Server", "The server '" + text + "' uses plain http://; traffic is not encrypted and credentials are never sent to it. Use https://.");
        }
    }

    private static void ValidateCertificateAuthority(ConnectorDeclaration declaration, Action<ConnectorRule, string, string> error)
    {
        var pem = CertificateMaterial.TryLoad(declaration.CertificateAuthority!, declaration.BaseDirectory, "CERTIFICATE", secret: false, out _, out var problem);
        if (pem is null)
        {
            error(ConnectorRule.InvalidCertificateAuthority, "CertificateAuthority", "The certificate authority cannot be loaded: " + problem + ".");
            return;
        }

        try
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(pem);
            var count = collection.Count;
            foreach (var certificate in collection)
            {
                certificate.Dispose();
            }

            if (count == 0)
            {
                error(ConnectorRule.InvalidCertificateAuthority, "CertificateAuthority", "The certificate authority holds no CERTIFICATE block. Give the PEM of the cluster's CA certificate.");
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            error(ConnectorRule.InvalidCertificateAuthority, "CertificateAuthority", "The certificate authority is not a valid X.509 certificate: " + e.Message);
        }
    }

    private static void ValidateExpiry(
        ConnectorDeclaration declaration,
        DeclarationValidationOptions options,
        DateTimeOffset now,
        X509Certificate2? clientCertificate,
        Action<ConnectorRule, string, string> error,
        Action<ConnectorRule, string, string> warning)
    {
        var report = options.CredentialsRefreshable ? warning : error;
        var fix = options.CredentialsRefreshable ? " The exec plugin will be asked for fresh credentials." : " Renew the credentials (or register the connector again with --auto-configure).";
        var expiresText = (declaration.ExpiresAt ?? string.Empty).Trim();
        if (expiresText.Length != 0)
        {
            if (!DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt))
            {
                error(ConnectorRule.InvalidExpiresAt, "ExpiresAt", "ExpiresAt '" + expiresText + "' is not an ISO 8601 date and time, e.g. 2030-01-31T12:00:00Z.");
            }
            else if (expiresAt <= now)
            {
                report(ConnectorRule.CredentialsExpired, "ExpiresAt", "The credentials expired at " + Iso(expiresAt) + "." + fix);
            }
        }

        var tokenExpiry = options.SecretsSupplied ? JwtExpiry.Read(declaration.Token?.Trim()) : null;
        if (tokenExpiry is { } tokenExpiresAt && tokenExpiresAt <= now)
        {
            report(ConnectorRule.CredentialsExpired, "Token", "The token expired at " + Iso(tokenExpiresAt) + " (its exp claim)." + fix);
        }

        if (clientCertificate is not null && new DateTimeOffset(clientCertificate.NotAfter.ToUniversalTime(), TimeSpan.Zero) <= now)
        {
            report(ConnectorRule.CredentialsExpired, "ClientCertificate", "The client certificate expired at " + Iso(new DateTimeOffset(clientCertificate.NotAfter.ToUniversalTime(), TimeSpan.Zero)) + "." + fix);
        }
    }

    private static X509Certificate2? ParseCertificate(string pem, out string? error)
    {
        error = null;
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            error = "no readable CERTIFICATE block (" + e.Message.TrimEnd('.') + ")";
            return null;
        }
    }

    /// <summary>Returns null when <paramref name="pem"/> is a usable RSA or EC private key, else a reason.</summary>
    private static string? CheckPrivateKey(string pem)
    {
        if (pem.Contains("ENCRYPTED PRIVATE KEY"))
        {
            return "it is encrypted with a passphrase; Kubernetes clients need an unencrypted key";
        }

        if (pem.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) < 0)
        {
            return "it holds no PRIVATE KEY block";
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
        }

        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(pem);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
        }

        return "it is not a readable RSA or EC private key";
    }

    private static bool KeyMatches(string certificatePem, string keyPem)
    {
        try
        {
            using var pair = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            return pair.HasPrivateKey;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static bool IsNamespace(string value)
    {
        if (value.Length is 0 or > 63 || value[0] == '-' || value[value.Length - 1] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlank(string? value) => value is null || value.Trim().Length == 0;

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
