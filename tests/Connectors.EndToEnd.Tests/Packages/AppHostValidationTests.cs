using System.Text.RegularExpressions;
using Connectors.EndToEnd.Tests.Support;

namespace Connectors.EndToEnd.Tests.Packages;

/// <summary>
/// An app-host-like console project that takes <c>Connectors.Kubernetes.Hosting</c> from the feed gets the
/// build-time validation with the codes and severities docs/diagnostics.md documents, each at its line in
/// the project file; once fixed it builds and the generated declarations compile.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed partial class AppHostValidationTests(LocalPackageFeed feed)
{
    private const string TokenMarker = "e2e-token-never-printed-3f9c";

    [Fact]
    public async Task Declarations_are_validated_with_the_documented_codes_and_the_fixed_project_builds()
    {
        using var sandbox = new Sandbox(feed);
        var project = await sandbox.NewProjectAsync("console", "AppHost", "Connectors.Kubernetes.Hosting");
        var original = File.ReadAllText(project);

        File.WriteAllText(project, original.Replace("</Project>", """
              <ItemGroup>
                <KubernetesConnector Include="kube_prod" Server="https://kube-prod.example.test" AuthMethod="token" />
                <KubernetesConnector Include="kube-dev" Server="https://kube-dev.example.test" AuthMethod="token" Sever="typo" />
                <KubernetesConnector Include="Kube-Dev" Server="https://kube-dev2.example.test" AuthMethod="token" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        var lines = File.ReadAllLines(project);
        int LineOf(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;

        var failed = await sandbox.DotnetAsync("AppHost", "build", "-nologo");
        Assert.NotEqual(0, failed.ExitCode);
        var found = Findings(failed.Output);
        Assert.Contains(("KC2001", LineOf("kube_prod")), found.Keys);
        Assert.Contains(("KC2109", LineOf("Sever=")), found.Keys);
        Assert.Contains(("KC2103", LineOf("\"kube-dev\"")), found.Keys);
        Assert.Contains(("KC2101", LineOf("Kube-Dev")), found.Keys);
        foreach (var ((code, _), severity) in found)
        {
            Assert.True(DocumentedDiagnostics.SeverityOf(code) == severity, $"{code} was a {severity}; docs/diagnostics.md says {DocumentedDiagnostics.SeverityOf(code)}.{Environment.NewLine}{failed.Output}");
        }

        // Fixed: one valid declaration whose token parameter is set in the environment; the generated
        // declarations compile in the user's code and no secret reaches the build output.
        File.WriteAllText(project, original.Replace("</Project>", """
              <ItemGroup>
                <KubernetesConnector Include="kube-dev" Server="https://kube-dev.example.test" AuthMethod="token" Namespace="ml" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        sandbox.Write("AppHost/Program.cs", """
            var declaration = Aspire.Hosting.KubernetesConnectorDeclarations.KubeDev;
            System.Console.WriteLine($"{declaration.Name} {declaration.Server} {declaration.Namespace} {declaration.TokenParameterName}");
            """);
        sandbox.SetEnvironment("Parameters__kube-dev-token", TokenMarker);
        var built = (await sandbox.DotnetAsync("AppHost", "build", "-nologo")).EnsureSuccess();
        Assert.DoesNotMatch(@"KC\d{4}", built.Output);
        Assert.DoesNotContain(TokenMarker, built.Output, StringComparison.Ordinal);

        var ran = (await sandbox.DotnetAsync("AppHost", "run", "--no-build")).EnsureSuccess();
        Assert.Contains("kube-dev https://kube-dev.example.test ml kube-dev-token", ran.Output, StringComparison.Ordinal);
    }

    /// <summary>The KC findings of a build log, by code and project-file line, with their severity.</summary>
    private static Dictionary<(string Code, int Line), string> Findings(string output)
    {
        var findings = new Dictionary<(string, int), string>();
        foreach (Match match in Finding().Matches(output))
        {
            findings[(match.Groups["code"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))] = match.Groups["severity"].Value;
        }

        return findings;
    }

    [GeneratedRegex(@"AppHost\.csproj\((?<line>\d+),\d+\): (?<severity>error|warning) (?<code>KC\d{4})")]
    private static partial Regex Finding();
}
