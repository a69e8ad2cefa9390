using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Connectors.Kubernetes;

/// <summary>
/// A secret string — a token, a password, a private key. It prints, debugs and serializes as
/// <c>[HIDDEN]</c>; the value is only available through <see cref="Reveal"/>, so a secret cannot leak
/// into a log line, an exception message or a describe table by accident.
/// </summary>
[DebuggerDisplay("[HIDDEN]")]
[JsonConverter(typeof(SecretValueJsonConverter))]
public sealed class SecretValue : IEquatable<SecretValue>
{
    /// <summary>The text shown instead of a secret.</summary>
    public const string Mask = "[HIDDEN]";

    private readonly string value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    /// <param name="value">The secret; may be empty (the empty token of k3d-style clusters).</param>
    public SecretValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        this.value = value;
    }

    /// <summary>An empty secret.</summary>
    public static SecretValue Empty { get; } = new(string.Empty);

    /// <summary><see langword="true"/> when the secret is the empty string.</summary>
    public bool IsEmpty => value.Length == 0;

    /// <summary>Wraps <paramref name="value"/>, or returns <see langword="null"/> for <see langword="null"/>.</summary>
    public static SecretValue? From(string? value) => value is null ? null : new SecretValue(value);

    /// <summary>Returns the secret itself. Call it only where the value is handed to its consumer.</summary>
    public string Reveal() => value;

    /// <summary>Always <c>[HIDDEN]</c>.</summary>
    public override string ToString() => Mask;

    /// <summary>Compares two secrets in constant time.</summary>
    public bool Equals(SecretValue? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(other.value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SecretValue);

    /// <inheritdoc />
    public override int GetHashCode() => value.Length;
}
