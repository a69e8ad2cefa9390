using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Projects;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>
/// Runs the shared declaration rules on a connector before it is written: warnings are printed
/// (KC50NN), errors are printed and stop the command with KC5124, so nothing is half-written.
/// </summary>
internal static class DeclarationCheck
{
    public static void Run(CliContext context, ConnectorRecord record, string notDoneMessage)
    {
        IReadOnlyList<DeclarationDiagnostic> found;
        if (record.Item.IsAutoConfigure)
        {
            // The credentials of a linked connector live in the kubeconfig; only its name is ours to check here.
            found = DeclarationValidator.Validate(
                new ConnectorDeclaration { Name = record.Name, Server = "https://linked.invalid", BaseDirectory = record.BaseDirectory },
                new DeclarationValidationOptions { SecretsSupplied = false, Now = context.Time.GetUtcNow() });
        }
        else
        {
            found = DeclarationValidator.Validate(
                record.ToDeclaration(),
                new DeclarationValidationOptions { SecretsSupplied = true, Now = context.Time.GetUtcNow() });
        }

        var errors = 0;
        foreach (var diagnostic in found)
        {
            var isError = diagnostic.Severity == DeclarationSeverity.Error;
            errors += isError ? 1 : 0;
            context.Error.WriteLine($"{(isError ? "error" : "warning")} {diagnostic.Code(ConnectorRules.CliBase)}: {diagnostic.Message}");
        }

        if (errors > 0)
        {
            throw new CliException(
                CliDiagnostics.InvalidDeclaration,
                $"{notDoneMessage}: {errors} problem{(errors == 1 ? string.Empty : "s")} above.",
                "Fix the options named above and run the command again; nothing was written.");
        }
    }
}
