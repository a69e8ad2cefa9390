// Shared source: compiled into the runtime, the MSBuild task and the CLI. BCL only.
namespace Connectors.Kubernetes.Validation;

/// <summary>What the caller knows about a declaration, which decides the checks that apply.</summary>
internal sealed class DeclarationValidationOptions
{
    /// <summary>
    /// <see langword="true"/> when the token, username and password fields hold the real values
    /// (runtime, CLI). <see langword="false"/> when they live in parameters the caller cannot see (MSBuild),
    /// so the checks that need them are skipped.
    /// </summary>
    public bool SecretsSupplied { get; set; } = true;

    /// <summary>
    /// <see langword="true"/> for declarations written in a project file: the token, username, password and
    /// an inline client key are then errors, because secrets belong in parameters.
    /// </summary>
    public bool ForbidInlineSecrets { get; set; }

    /// <summary>
    /// <see langword="true"/> when expired credentials can be refreshed (an exec plugin), which turns the
    /// expiry error into a warning.
    /// </summary>
    public bool CredentialsRefreshable { get; set; }

    /// <summary>The instant expiry is judged against; the current time when null.</summary>
    public DateTimeOffset? Now { get; set; }
}
