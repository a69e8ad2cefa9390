using Connectors.Kubernetes.Build.Tests.Infrastructure;
using Microsoft.Build.Utilities;

namespace Connectors.Kubernetes.Build.Tests.Checks;

/// <summary>A failure of the validation itself never breaks the build; it says how to skip the validation.</summary>
public sealed class CrashTests
{
    [Fact]
    public void Unexpected_exception_becomes_a_warning_naming_the_switch()
    {
        var engine = new FakeBuildEngine();
        var task = new ValidateKubernetesConnectors
        {
            BuildEngine = engine,
            Connectors = [new TaskItem("kube-prod")],
            ProjectFile = "\0not a path",
        };

        Assert.True(task.Execute());
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("KC2100", warning.Code);
        Assert.Contains("KubernetesConnectorValidationEnabled to false", warning.Message);
        Assert.Empty(engine.Errors);
    }
}
