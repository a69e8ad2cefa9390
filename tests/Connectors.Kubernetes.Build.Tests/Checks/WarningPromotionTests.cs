using Connectors.Kubernetes.Build.Tests.Infrastructure;

namespace Connectors.Kubernetes.Build.Tests.Checks;

/// <summary>
/// MSBuild applies TreatWarningsAsErrors to compiler warnings only; the task applies it to its own
/// warnings, honouring NoWarn and WarningsNotAsErrors as the compiler does.
/// </summary>
public sealed class WarningPromotionTests : IDisposable
{
    private const string Items = """
            <KubernetesConnector Include="kube-prod" Server="https://kube-prod.example.test" Sever="typo" />
        """;

    private readonly TaskHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void TreatWarningsAsErrors_promotes_every_connector_warning()
    {
        _harness.Configure = task => task.TreatWarningsAsErrors = true;
        var engine = _harness.Run(Items);
        Assert.Empty(engine.Warnings);
        Assert.Equal(["KC2103", "KC2109"], engine.Errors.Select(e => e.Code).Order());
    }

    [Fact]
    public void NoWarn_and_WarningsNotAsErrors_keep_their_codes_as_warnings()
    {
        _harness.Configure = task =>
        {
            task.TreatWarningsAsErrors = true;
            task.NoWarn = "CS1591; kc2109";
            task.WarningsNotAsErrors = "KC2103,CA1000";
        };
        var engine = _harness.Run(Items);
        Assert.Empty(engine.Errors);
        Assert.Equal(["KC2103", "KC2109"], engine.Warnings.Select(w => w.Code).Order());
    }

    [Fact]
    public void Without_TreatWarningsAsErrors_warnings_stay_warnings()
    {
        var engine = _harness.Run(Items);
        Assert.Empty(engine.Errors);
        Assert.Equal(2, engine.Warnings.Count);
    }
}
