using Microsoft.Extensions.Logging;

namespace Connectors.Kubernetes.Clients;

/// <summary>Tuning for <see cref="KubernetesConnectorClient"/>; the defaults suit services and command-line tools alike.</summary>
public sealed class KubernetesConnectorClientOptions
{
    /// <summary>Where warnings (insecure TLS, token file problems, exec plugin failures) are logged. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock used for token expiry and token-file checks. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long opening a connection (TCP and TLS) may take. Default: 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long <see cref="KubernetesConnectorClient.VerifyAsync"/> may take in all. Default: 15 seconds.</summary>
    public TimeSpan VerifyTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The least time between two looks at a token file for a rotated token (a 401 looks at once). Default: 10 seconds.</summary>
    public TimeSpan TokenFileMinimumInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an exec credential plugin may run. Default: 60 seconds.</summary>
    public TimeSpan ExecTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
