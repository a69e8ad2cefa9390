namespace Connectors.Kubernetes.Testing;

/// <summary>
/// A user the loopback server knows: how it authenticates, the groups it belongs to and what it may do.
/// Get a ready kubeconfig for it with <see cref="LoopbackKubernetesServer.GetKubeconfig(LoopbackIdentity?, string?)"/>.
/// </summary>
/// <remarks>
/// Credentials are test credentials, readable on purpose, but <see cref="ToString"/> never shows them.
/// The token value and the expiry can change while the server runs, to test rotation and expiry.
/// </remarks>
public sealed class LoopbackIdentity
{
    private readonly object _gate = new();
    private string? _token;
    private DateTimeOffset? _expiresAt;

    internal LoopbackIdentity(
        LoopbackIdentityKind kind,
        string userName,
        IReadOnlyList<string> groups,
        IReadOnlyList<LoopbackAccessRule>? rules)
    {
        Kind = kind;
        UserName = userName;
        Groups = groups;
        Rules = rules;
        Uid = Guid.NewGuid().ToString();
    }

    /// <summary>How this identity authenticates.</summary>
    public LoopbackIdentityKind Kind { get; }

    /// <summary>The user name the server sees (the certificate's CN for certificate identities).</summary>
    public string UserName { get; }

    /// <summary>The groups the user belongs to, besides <c>system:authenticated</c>.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>A stable unique id, reported by SelfSubjectReview.</summary>
    public string Uid { get; }

    /// <summary>The allow rules; <see langword="null"/> means the identity may do everything.</summary>
    public IReadOnlyList<LoopbackAccessRule>? Rules { get; }

    /// <summary>The bearer token the server currently accepts (token identities only).</summary>
    public string? Token
    {
        get
        {
            lock (_gate)
            {
                return _token;
            }
        }
    }

    /// <summary>The basic-auth password (basic identities only).</summary>
    public string? Password { get; internal init; }

    /// <summary>The client certificate, PEM (certificate identities only).</summary>
    public string? ClientCertificatePem { get; internal init; }

    /// <summary>The client certificate's private key, PKCS#8 PEM (certificate identities only).</summary>
    public string? ClientKeyPem { get; internal init; }

    /// <summary>
    /// When the credential stops being accepted (401 from then on), like a short-lived token;
    /// <see langword="null"/> for never. Measured with the server's <see cref="LoopbackKubernetesServerOptions.TimeProvider"/>.
    /// </summary>
    public DateTimeOffset? ExpiresAt
    {
        get
        {
            lock (_gate)
            {
                return _expiresAt;
            }
        }

        set
        {
            lock (_gate)
            {
                _expiresAt = value;
            }
        }
    }

    /// <summary>
    /// Rotates the accepted token, as when a projected service-account token file is refreshed: from
    /// now on only the new value is accepted. Write it where your client reads it with
    /// <see cref="WriteTokenFileAsync(string, CancellationToken)"/>.
    /// </summary>
    /// <param name="newToken">The new value, or <see langword="null"/> for a fresh random one.</param>
    /// <returns>The new token.</returns>
    /// <exception cref="InvalidOperationException">The identity is not a token identity.</exception>
    public string RotateToken(string? newToken = null)
    {
        if (Kind != LoopbackIdentityKind.Token)
        {
            throw new InvalidOperationException($"Identity '{UserName}' authenticates with {Kind}, not a token; only token identities can rotate a token.");
        }

        var value = string.IsNullOrEmpty(newToken) ? TokenGenerator.Create() : newToken;
        lock (_gate)
        {
            _token = value;
        }

        return value;
    }

    /// <summary>Writes the current token to a file (mode 0600 where supported), the way a token file is mounted.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public async Task WriteTokenFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var token = Token ?? throw new InvalidOperationException($"Identity '{UserName}' has no token to write.");
        await PrivateFile.WriteAsync(path, token, cancellationToken).ConfigureAwait(false);
    }

    internal void SetInitialToken(string token)
    {
        lock (_gate)
        {
            _token = token;
        }
    }

    internal bool IsExpired(DateTimeOffset now)
    {
        var expiresAt = ExpiresAt;
        return expiresAt is not null && expiresAt.Value <= now;
    }

    /// <summary>Describes the identity without any credential.</summary>
    /// <returns>For example <c>Token identity 'alice'</c>.</returns>
    public override string ToString() => $"{Kind} identity '{UserName}'";
}
