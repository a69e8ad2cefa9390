using Connectors.Kubernetes.Build.Tests.Infrastructure;
using Microsoft.Build.Utilities;

namespace Connectors.Kubernetes.Build.Tests.Checks;

/// <summary>Connectors required by referenced components must be declared by the app host.</summary>
public sealed class RequirementTests : IDisposable
{
    private readonly TaskHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private const string AppHost = """
                <KubernetesConnector Include="kube-prod" AutoConfigure="true" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../Orchestrator/Orchestrator.csproj" />
                <ProjectReference Include="..\Deployer\Deployer.csproj" />
        """;

    private void Require(string connector, string component)
    {
        var item = new TaskItem(connector);
        item.SetMetadata("MSBuildSourceProjectFile", Path.GetFullPath(Path.Combine(_harness.Directory.Path, "app", "..", component, component + ".csproj")));
        item.SetMetadata("KubernetesConnectorComponent", component);
        _harness.Requirements.Add(item);
    }

    [Fact]
    public void Undeclared_requirement_is_an_error_at_the_component_reference()
    {
        _harness.ProjectReferences.Add(new TaskItem("../Orchestrator/Orchestrator.csproj"));
        _harness.ProjectReferences.Add(new TaskItem("../Deployer/Deployer.csproj"));
        Require("kube-prod", "Orchestrator");
        Require("kube-dev", "Deployer");

        var engine = _harness.Run(AppHost, fileName: "app/app.csproj", checkKubeconfig: false);

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("KC2108", 7, 9), (error.Code, error.LineNumber, error.ColumnNumber));
        Assert.Contains("Component 'Deployer'", error.Message);
        Assert.Contains("requires the connector 'kube-dev'", error.Message);
        Assert.Contains("<KubernetesConnector Include=\"kube-dev\"", error.Message);
    }

    [Fact]
    public void Requirements_match_declarations_without_regard_to_case_and_are_reported_once()
    {
        _harness.ProjectReferences.Add(new TaskItem("../Orchestrator/Orchestrator.csproj"));
        Require("KUBE-PROD", "Orchestrator");
        Require("kube-gone", "Orchestrator");
        Require("kube-gone", "Orchestrator");

        var engine = _harness.Run(AppHost, fileName: "app/app.csproj", checkKubeconfig: false);

        var error = Assert.Single(engine.Errors);
        Assert.Contains("'kube-gone'", error.Message);
        Assert.Equal(6, error.LineNumber);
    }

    [Fact]
    public void Requirement_from_a_project_not_referenced_in_the_file_points_at_the_project_file()
    {
        Require("kube-other", "Elsewhere");
        var engine = _harness.Run(AppHost, fileName: "app/app.csproj", checkKubeconfig: false);
        var error = Assert.Single(engine.Errors);
        Assert.Equal((0, 0), (error.LineNumber, error.ColumnNumber));
        Assert.EndsWith("app.csproj", error.File);
    }
}
