using System.Collections.Concurrent;
using Connectors.Kubernetes.Testing.Tls;

namespace Connectors.Kubernetes.Testing;

/// <summary>
/// The users a <see cref="LoopbackKubernetesServer"/> accepts. Identities can be added while the
/// server runs; each one gets a ready kubeconfig from the server.
/// </summary>
public sealed class LoopbackIdentities
{
    private readonly ConcurrentDictionary<string, LoopbackIdentity> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LoopbackIdentity> _ordered = new();
    private readonly LoopbackCertificateAuthority _authority;

    internal LoopbackIdentities(LoopbackCertificateAuthority authority, string adminUserName)
    {
        _authority = authority;
        Admin = AddToken(adminUserName, groups: ["system:masters"]);
    }

    /// <summary>The token identity created at start that may do everything (group <c>system:masters</c>).</summary>
    public LoopbackIdentity Admin { get; }

    /// <summary>Every identity, in the order they were added.</summary>
    public IReadOnlyList<LoopbackIdentity> All => [.. _ordered];

    /// <summary>Adds a user that authenticates with a bearer token.</summary>
    /// <param name="userName">The user name.</param>
    /// <param name="token">The token, or <see langword="null"/> for a random one.</param>
    /// <param name="groups">The user's groups.</param>
    /// <param name="rules">What the user may do; <see langword="null"/> for everything.</param>
    /// <param name="expiresAt">When the token stops being accepted, or <see langword="null"/> for never.</param>
    /// <returns>The new identity.</returns>
    public LoopbackIdentity AddToken(
        string userName,
        string? token = null,
        IReadOnlyList<string>? groups = null,
        IReadOnlyList<LoopbackAccessRule>? rules = null,
        DateTimeOffset? expiresAt = null)
    {
        var identity = new LoopbackIdentity(LoopbackIdentityKind.Token, CheckName(userName), groups ?? [], rules) { ExpiresAt = expiresAt };
        identity.SetInitialToken(string.IsNullOrEmpty(token) ? TokenGenerator.Create() : token);
        return Register(identity);
    }

    /// <summary>Adds a user that authenticates with HTTP basic authentication.</summary>
    /// <param name="userName">The user name (also the basic-auth login).</param>
    /// <param name="password">The password, or <see langword="null"/> for a random one.</param>
    /// <param name="groups">The user's groups.</param>
    /// <param name="rules">What the user may do; <see langword="null"/> for everything.</param>
    /// <returns>The new identity.</returns>
    public LoopbackIdentity AddBasic(
        string userName,
        string? password = null,
        IReadOnlyList<string>? groups = null,
        IReadOnlyList<LoopbackAccessRule>? rules = null)
    {
        var name = CheckName(userName);
        if (name.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A basic-auth user name cannot contain ':' (got '{name}').", nameof(userName));
        }

        var identity = new LoopbackIdentity(LoopbackIdentityKind.Basic, name, groups ?? [], rules)
        {
            Password = string.IsNullOrEmpty(password) ? TokenGenerator.Create() : password,
        };
        return Register(identity);
    }

    /// <summary>
    /// Adds a user that authenticates with a client certificate the server issues now, signed by its CA:
    /// the user name is the certificate's CN and each group an O, as the API server reads them.
    /// </summary>
    /// <param name="userName">The user name (certificate CN).</param>
    /// <param name="groups">The groups (certificate O entries).</param>
    /// <param name="rules">What the user may do; <see langword="null"/> for everything.</param>
    /// <returns>The new identity, with <see cref="LoopbackIdentity.ClientCertificatePem"/> and <see cref="LoopbackIdentity.ClientKeyPem"/>.</returns>
    public LoopbackIdentity AddClientCertificate(
        string userName,
        IReadOnlyList<string>? groups = null,
        IReadOnlyList<LoopbackAccessRule>? rules = null)
    {
        var name = CheckName(userName);
        var (certificate, key) = _authority.IssueClientCertificate(name, groups ?? []);
        var identity = new LoopbackIdentity(LoopbackIdentityKind.ClientCertificate, name, groups ?? [], rules)
        {
            ClientCertificatePem = certificate,
            ClientKeyPem = key,
        };
        return Register(identity);
    }

    internal LoopbackIdentity? FindByToken(string token)
    {
        foreach (var identity in _ordered)
        {
            if (identity.Kind == LoopbackIdentityKind.Token && FixedTimeEquals(identity.Token, token))
            {
                return identity;
            }
        }

        return null;
    }

    internal LoopbackIdentity? FindBasic(string userName, string password)
    {
        return _byName.TryGetValue(userName, out var identity)
            && identity.Kind == LoopbackIdentityKind.Basic
            && FixedTimeEquals(identity.Password, password)
            ? identity
            : null;
    }

    internal LoopbackIdentity? FindCertificateUser(string userName)
        => _byName.TryGetValue(userName, out var identity) && identity.Kind == LoopbackIdentityKind.ClientCertificate ? identity : null;

    private LoopbackIdentity Register(LoopbackIdentity identity)
    {
        if (!_byName.TryAdd(identity.UserName, identity))
        {
            throw new InvalidOperationException($"An identity named '{identity.UserName}' already exists on this server; user names are unique.");
        }

        _ordered.Enqueue(identity);
        return identity;
    }

    private static string CheckName(string userName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (userName.StartsWith("system:", StringComparison.Ordinal))
        {
            throw new ArgumentException($"User name '{userName}' is reserved: names starting with 'system:' belong to the API server.", nameof(userName));
        }

        return userName;
    }

    private static bool FixedTimeEquals(string? expected, string actual)
    {
        if (expected is null)
        {
            return false;
        }

        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(actual));
    }
}
