using System.Net.WebSockets;
using k8s;

namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Makes KubernetesClient's exec/attach/port-forward web sockets go through the connector's shared
/// chain too (same TLS checks, same credentials), instead of a socket set up by the package.
/// </summary>
internal sealed class ConnectorWebSocketBuilder(HttpMessageInvoker chain) : WebSocketBuilder
{
    public override async Task<WebSocket> BuildAndConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        // ClientWebSocket turns wss:// into an https:// upgrade request sent through the chain.
        await WebSocket.ConnectAsync(uri, chain, cancellationToken).ConfigureAwait(false);
        return WebSocket;
    }
}
