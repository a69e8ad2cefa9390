using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.ApplicationModel;

// Stand-in: Aspire streams these loggers to the dashboard's console view; here they go nowhere.
public class ResourceLoggerService
{
    public ILogger GetLogger(IResource resource) => NullLogger.Instance;

    public ILogger GetLogger(string resourceName) => NullLogger.Instance;
}
