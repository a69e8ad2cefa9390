using System.Text.Json.Serialization;

namespace Connectors.Kubernetes.Credentials;

/// <summary>The <c>KUBERNETES_EXEC_INFO</c> object handed to an exec plugin.</summary>
internal sealed record ExecInfo(
    [property: JsonPropertyName("apiVersion")] string ApiVersion)
{
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "ExecCredential";

    [JsonPropertyName("spec")]
    public ExecInfoSpec Spec { get; init; } = new();
}

/// <summary>The <c>spec</c> of <see cref="ExecInfo"/>: a service has no terminal, so the plugin may not prompt.</summary>
internal sealed record ExecInfoSpec
{
    [JsonPropertyName("interactive")]
    public bool Interactive { get; init; }

    [JsonPropertyName("cluster")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExecClusterInfo? Cluster { get; init; }
}

/// <summary>The cluster a plugin with <c>provideClusterInfo: true</c> is told about (no credentials in it).</summary>
internal sealed record ExecClusterInfo
{
    [JsonPropertyName("server")]
    public required string Server { get; init; }

    [JsonPropertyName("tls-server-name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TlsServerName { get; init; }

    [JsonPropertyName("insecure-skip-tls-verify")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool InsecureSkipTlsVerify { get; init; }

    [JsonPropertyName("certificate-authority-data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CertificateAuthorityData { get; init; }

    [JsonPropertyName("config")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public System.Text.Json.JsonElement? Config { get; init; }

    public static ExecClusterInfo From(KubernetesConnectorSpec spec) => new()
    {
        Server = spec.Server,
        TlsServerName = string.IsNullOrEmpty(spec.TlsServerName) ? null : spec.TlsServerName,
        InsecureSkipTlsVerify = spec.InsecureSkipTlsVerify,
        CertificateAuthorityData = string.IsNullOrEmpty(spec.CertificateAuthorityData)
            ? null
            : Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(spec.CertificateAuthorityData)),
        Config = spec.Exec?.ClusterConfigJson is { Length: > 0 } json ? System.Text.Json.JsonDocument.Parse(json).RootElement.Clone() : null,
    };
}

[JsonSerializable(typeof(ExecInfo))]
internal sealed partial class ExecInfoJsonContext : JsonSerializerContext;
