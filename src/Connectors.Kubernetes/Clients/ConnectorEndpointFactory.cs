namespace Connectors.Kubernetes.Clients;

/// <summary>Resolves a spec's server and TLS material into a <see cref="ConnectorEndpoint"/>, in memory.</summary>
internal static class ConnectorEndpointFactory
{
    public static ConnectorEndpoint Create(KubernetesConnectorSpec spec)
    {
        if (!Uri.TryCreate(spec.Server, UriKind.Absolute, out var server)
            || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw new KubernetesConnectorException(
                KubernetesClientErrorCodes.InvalidServer,
                $"connector '{spec.Name}' has server '{spec.Server}', which is not an http(s) URL. Set Server to the API server URL, e.g. https://kube-prod.example.test:6443.");
        }

        var authorities = !spec.InsecureSkipTlsVerify && !string.IsNullOrWhiteSpace(spec.CertificateAuthorityData)
            ? PemCertificates.LoadAuthorities(spec.CertificateAuthorityData)
            : null;

        var clientCertificate = !string.IsNullOrWhiteSpace(spec.ClientCertificateData) && spec.ClientKeyData is { IsEmpty: false } key
            ? PemCertificates.LoadClientCertificate(spec.ClientCertificateData, key.Reveal())
            : null;

        return new ConnectorEndpoint(server, authorities, spec.TlsServerName, spec.InsecureSkipTlsVerify, clientCertificate);
    }
}
