using Connectors.Kubernetes.Build.Diagnostics;
using Connectors.Kubernetes.Build.Items;
using Connectors.Kubernetes.Build.Kubeconfig;
using Connectors.Kubernetes.Build.Locations;
using Connectors.Kubernetes.Build.Requirements;
using Connectors.Kubernetes.Build.Secrets;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Connectors.Kubernetes.Build;

/// <summary>
/// Validates the <c>KubernetesConnector</c> items of an app host during <c>dotnet build</c>: the shared
/// declaration rules, duplicate names, secrets written into the project file, secret parameters
/// without a value, auto-configure contexts and expired credentials, and the connectors referenced
/// components require. Findings are logged with <c>KC2xxx</c> codes at the item's file, line and column;
/// warnings go through <c>LogWarning</c> so <c>NoWarn</c>, <c>WarningsAsErrors</c> and
/// <c>TreatWarningsAsErrors</c> behave as for any other warning.
/// </summary>
public sealed class ValidateKubernetesConnectors : Microsoft.Build.Utilities.Task
{
    /// <summary>The <c>@(KubernetesConnector)</c> items.</summary>
    [Required]
    public ITaskItem[] Connectors { get; set; } = [];

    /// <summary>Full path of the project being built (<c>$(MSBuildProjectFullPath)</c>).</summary>
    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>The project's <c>UserSecretsId</c>, named in messages; empty when it has none.</summary>
    public string? UserSecretsId { get; set; }

    /// <summary>Path of the project's user secrets file; it need not exist.</summary>
    public string? UserSecretsFile { get; set; }

    /// <summary>Whether to look for values of the connectors' secret parameters (default true).</summary>
    public bool CheckSecrets { get; set; } = true;

    /// <summary>Whether to read kubeconfig files for auto-configure connectors (default true).</summary>
    public bool CheckKubeconfig { get; set; } = true;

    /// <summary>
    /// Connectors required by referenced components: item spec = connector name, with the
    /// <c>MSBuildSourceProjectFile</c> and <c>KubernetesConnectorComponent</c> metadata.
    /// </summary>
    public ITaskItem[] Requirements { get; set; } = [];

    /// <summary>The project's <c>@(ProjectReference)</c> items, used to point requirement errors at the right line.</summary>
    public ITaskItem[] ProjectReferences { get; set; } = [];

    private static readonly string[] AppSettingsFiles = ["appsettings.json", "appsettings.Development.json"];

    /// <summary>
    /// The project's <c>$(TreatWarningsAsErrors)</c>. MSBuild applies it to compiler warnings only, so the
    /// task promotes its own warnings, as users expect, except those listed in <see cref="NoWarn"/> or
    /// <see cref="WarningsNotAsErrors"/>.
    /// </summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>The project's <c>$(WarningsNotAsErrors)</c>: codes kept as warnings under <see cref="TreatWarningsAsErrors"/>.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>The project's <c>$(NoWarn)</c>: codes MSBuild silences; never promoted.</summary>
    public string? NoWarn { get; set; }

    /// <summary>Reads environment variables; replaced by tests.</summary>
    internal Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The current time; replaced by tests.</summary>
    internal Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            foreach (var diagnostic in Validate())
            {
                Report(diagnostic);
            }
        }
#pragma warning disable CA1031 // A crash of the validation must never break the user's build: it becomes a warning that says how to skip it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.LogWarning(
                subcategory: null,
                warningCode: BuildDiagnosticCodes.ValidationCrashed,
                helpKeyword: null,
                file: ProjectFile,
                lineNumber: 0,
                columnNumber: 0,
                endLineNumber: 0,
                endColumnNumber: 0,
                message: "Kubernetes connector validation failed unexpectedly (" + e.GetType().FullName + " at " + FirstFrame(e) + ") and was skipped. Please report this. To skip the validation, set the property KubernetesConnectorValidationEnabled to false.");
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Runs every check in a stable order; exposed for tests.</summary>
    internal IEnumerable<BuildDiagnostic> Validate()
    {
        var projectFile = Path.GetFullPath(ProjectFile);
        var projectDirectory = Path.GetDirectoryName(projectFile) ?? System.Environment.CurrentDirectory;
        var locator = new ProjectXmlLocator();
        var items = ConnectorItemReader.Read(Connectors, projectFile);
        var diagnostics = new List<BuildDiagnostic>();

        var now = Clock();
        diagnostics.AddRange(DeclarationRulesCheck.Check(items, projectDirectory, now, locator));
        diagnostics.AddRange(ItemValueCheck.Check(items, locator));
        diagnostics.AddRange(UnknownMetadataCheck.Check(items, locator));
        diagnostics.AddRange(DuplicateNameCheck.Check(items, locator));

        if (CheckSecrets)
        {
            diagnostics.AddRange(CheckSecretParameters(items, projectDirectory, locator));
        }

        if (CheckKubeconfig)
        {
            diagnostics.AddRange(new AutoConfigureCheck(projectDirectory, Environment, now, locator).Check(items));
        }

        diagnostics.AddRange(ComponentRequirementCheck.Check(Requirements, items, ProjectReferences, projectFile, locator));
        return diagnostics;
    }

    private IEnumerable<BuildDiagnostic> CheckSecretParameters(IReadOnlyList<ConnectorItem> items, string projectDirectory, ProjectXmlLocator locator)
    {
        var problems = new List<BuildDiagnostic>();
        var userSecrets = ReadKeys(UserSecretsFile, problems);
        var appSettings = AppSettingsFiles
            .Select(name => ReadKeys(Path.Combine(projectDirectory, name), problems))
            .ToList();
        var sources = new ParameterSources(userSecrets, appSettings, Environment);
        return problems.Concat(SecretParameterCheck.Check(items, sources, UserSecretsId, locator));
    }

    private static ConfigurationKeySet ReadKeys(string? path, List<BuildDiagnostic> problems)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return ConfigurationKeySet.Empty;
        }

        try
        {
            return ConfigurationKeySet.FromJsonFile(path);
        }
        catch (ConfigurationFileException e)
        {
            problems.Add(new BuildDiagnostic(
                BuildDiagnosticCodes.UserSecretsUnreadable,
                BuildSeverity.Warning,
                e.Message + " Secret parameters set there cannot be checked, and the app host will fail to read them too. Fix the JSON (dotnet user-secrets list shows whether it parses).",
                new SourceLocation(path, (int)Math.Max(0, e.Line), (int)Math.Max(0, e.Column))));
            return ConfigurationKeySet.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new BuildDiagnostic(
                BuildDiagnosticCodes.UserSecretsUnreadable,
                BuildSeverity.Warning,
                "'" + path + "' cannot be read (" + e.GetType().Name + "). Secret parameters set there cannot be checked.",
                SourceLocation.FileOnly(path)));
            return ConfigurationKeySet.Empty;
        }
    }

    private void Report(BuildDiagnostic diagnostic)
    {
        var location = diagnostic.Location;
        if (diagnostic.Severity == BuildSeverity.Error || IsPromoted(diagnostic.Code))
        {
            Log.LogError(null, diagnostic.Code, null, location.File, location.Line, location.Column, 0, 0, diagnostic.Message);
        }
        else
        {
            Log.LogWarning(null, diagnostic.Code, null, location.File, location.Line, location.Column, 0, 0, diagnostic.Message);
        }
    }

    private bool IsPromoted(string code) =>
        TreatWarningsAsErrors && !Lists(NoWarn, code) && !Lists(WarningsNotAsErrors, code);

    private static bool Lists(string? codes, string code) =>
        codes is not null && codes.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(code, StringComparer.OrdinalIgnoreCase);

    private static string FirstFrame(Exception e)
    {
        var trace = new System.Diagnostics.StackTrace(e, fNeedFileInfo: false);
        var method = trace.FrameCount > 0 ? trace.GetFrame(0)?.GetMethod() : null;
        return method is null ? "unknown" : method.DeclaringType?.Name + "." + method.Name;
    }
}
