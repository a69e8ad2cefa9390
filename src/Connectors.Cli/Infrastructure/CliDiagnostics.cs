using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Cli.Infrastructure;

/// <summary>
/// Every code the command line reports itself. KC5001–KC5099 are reserved for the shared declaration
/// rules (rule N is reported as KC5000+N, the same rule as KC1000+N at run time and KC2000+N in MSBuild);
/// the tool's own codes start at KC5100. Each one is documented in docs/diagnostics.md.
/// </summary>
internal static class CliDiagnostics
{
    public static readonly CliDiagnostic InvalidCommandLine = new("KC5100", ExitCodes.Usage, "Invalid command line");
    public static readonly CliDiagnostic NoProjectFound = new("KC5101", ExitCodes.NotFound, "No project file in the folder");
    public static readonly CliDiagnostic SeveralProjects = new("KC5102", ExitCodes.Usage, "Several project files in the folder");
    public static readonly CliDiagnostic ProjectNotFound = new("KC5103", ExitCodes.NotFound, "Project file not found");
    public static readonly CliDiagnostic ProjectUnreadable = new("KC5104", ExitCodes.Invalid, "Project file is not valid XML");
    public static readonly CliDiagnostic ConnectorNotFound = new("KC5105", ExitCodes.NotFound, "Connector not declared");
    public static readonly CliDiagnostic ConnectorExists = new("KC5106", ExitCodes.Conflict, "Connector already declared");
    public static readonly CliDiagnostic SecretFileUnreadable = new("KC5107", ExitCodes.NotFound, "Secret file cannot be read");
    public static readonly CliDiagnostic SecretOnCommandLine = new("KC5108", ExitCodes.Success, "Secret given on the command line");
    public static readonly CliDiagnostic NoTerminalForSecret = new("KC5109", ExitCodes.Usage, "A secret is needed but there is no terminal to ask for it");
    public static readonly CliDiagnostic UserSecretsUnreadable = new("KC5110", ExitCodes.Invalid, "User secrets file is not valid JSON");
    public static readonly CliDiagnostic LockHeld = new("KC5111", ExitCodes.Conflict, "Another process holds the lock");
    public static readonly CliDiagnostic UnknownConnectorType = new("KC5112", ExitCodes.NotFound, "Unknown connector type");
    public static readonly CliDiagnostic UnknownAuthMethod = new("KC5113", ExitCodes.Usage, "Unknown authentication method");
    public static readonly CliDiagnostic InvalidLabel = new("KC5114", ExitCodes.Usage, "Invalid label");
    public static readonly CliDiagnostic InvalidExpiry = new("KC5115", ExitCodes.Usage, "Invalid expiry time");
    public static readonly CliDiagnostic VerificationFailed = new("KC5116", ExitCodes.ClusterAccess, "The cluster refused or could not be reached");
    public static readonly CliDiagnostic UnknownAttribute = new("KC5117", ExitCodes.Usage, "Unknown attribute");
    public static readonly CliDiagnostic ReferenceNotFound = new("KC5118", ExitCodes.NotFound, "Component does not reference the connector");
    public static readonly CliDiagnostic ConflictingOptions = new("KC5119", ExitCodes.Usage, "Options that cannot be used together");
    public static readonly CliDiagnostic ConnectorNotInAppHost = new("KC5120", ExitCodes.Success, "Connector not declared by the app host");
    public static readonly CliDiagnostic Unexpected = new("KC5121", ExitCodes.Failure, "Unexpected failure");
    public static readonly CliDiagnostic FileWriteFailed = new("KC5122", ExitCodes.Failure, "A file cannot be written");
    public static readonly CliDiagnostic InvalidDeclaration = new("KC5124", ExitCodes.Invalid, "The connector declaration is invalid");
    public static readonly CliDiagnostic LiftedCredentialsExpire = new("KC5125", ExitCodes.Success, "Lifted credentials expire");

    /// <summary>The CLI code of shared declaration rule <paramref name="rule"/> (KC5000 + its number).</summary>
    public static CliDiagnostic ForRule(ConnectorRule rule) =>
        new(ConnectorRules.Code(ConnectorRules.CliBase, rule), ExitCodes.Invalid, rule.ToString());
}
