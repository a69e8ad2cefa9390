namespace Connectors.Kubernetes.Build.Secrets;

/// <summary>
/// The places a build can see that an app host reads Aspire parameters from at run time:
/// the project's user secrets, its appsettings files and the process environment
/// (<c>Parameters__name</c>). Only whether a key is set is ever asked.
/// </summary>
internal sealed class ParameterSources
{
    private readonly ConfigurationKeySet _userSecrets;
    private readonly IReadOnlyList<ConfigurationKeySet> _appSettings;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the sources.</summary>
    public ParameterSources(ConfigurationKeySet userSecrets, IReadOnlyList<ConfigurationKeySet> appSettings, Func<string, string?> environment)
    {
        _userSecrets = userSecrets;
        _appSettings = appSettings;
        _environment = environment;
    }

    /// <summary>The configuration key of parameter <paramref name="parameterName"/>.</summary>
    public static string ConfigurationKey(string parameterName) => "Parameters:" + parameterName;

    /// <summary>The environment variable that sets parameter <paramref name="parameterName"/>.</summary>
    public static string EnvironmentVariable(string parameterName) => "Parameters__" + parameterName;

    /// <summary>Whether parameter <paramref name="parameterName"/> has a value (possibly empty) somewhere.</summary>
    public bool HasValue(string parameterName)
    {
        var key = ConfigurationKey(parameterName);
        return _userSecrets.Contains(key)
            || _appSettings.Any(settings => settings.Contains(key))
            || _environment(EnvironmentVariable(parameterName)) is not null
            || _environment(key) is not null;
    }
}
