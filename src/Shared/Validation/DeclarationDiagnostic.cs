// Shared source: compiled into the runtime, the MSBuild task and the CLI. BCL only.
namespace Connectors.Kubernetes.Validation;

/// <summary>
/// One finding of the declaration validator. The message never contains a secret value; it names
/// the field and says how to fix the problem. Each layer turns <see cref="Rule"/> into its own code
/// with <see cref="ConnectorRules.Code(int, ConnectorRule)"/>.
/// </summary>
internal sealed class DeclarationDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    public DeclarationDiagnostic(ConnectorRule rule, DeclarationSeverity severity, string field, string message)
    {
        Rule = rule;
        Severity = severity;
        Field = field;
        Message = message;
    }

    /// <summary>The rule that was broken.</summary>
    public ConnectorRule Rule { get; }

    /// <summary>Error or warning.</summary>
    public DeclarationSeverity Severity { get; }

    /// <summary>The declaration field concerned, spelled as in the connection string (for example <c>Server</c>).</summary>
    public string Field { get; }

    /// <summary>What is wrong and how to fix it; free of secret values.</summary>
    public string Message { get; }

    /// <summary>The code of this diagnostic in the layer whose base is <paramref name="layerBase"/>.</summary>
    public string Code(int layerBase) => ConnectorRules.Code(layerBase, Rule);

    /// <inheritdoc />
    public override string ToString() => Severity + " " + Rule + " (" + Field + "): " + Message;
}
