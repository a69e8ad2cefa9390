using System.CommandLine;
using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>The verbs of <c>dotnet connector</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandTree
{
    public const string Description =
        "Manage Kubernetes Service Connectors for .NET Aspire: named, validated cluster credentials declared in an app host " +
        "project (as <KubernetesConnector> items) with their secrets kept in the project's user secrets.\n\n" +
        "Start with:\n" +
        "  dotnet connector list-types                                   what a Kubernetes connector can hold\n" +
        "  dotnet connector register kube-dev --auto-configure           lift the current kubectl context into a connector\n" +
        "  dotnet connector describe kube-dev                            show it (secrets hidden)\n" +
        "  dotnet connector verify kube-dev                              prove the credentials work\n" +
        "  dotnet connector connect ../Orchestrator --connector kube-dev let a component use it\n\n" +
        "Exit codes: 0 done, 1 failure, 2 bad command line, 3 not found, 4 invalid declaration, 5 conflict (exists, lock held), 6 cluster refused or unreachable.";

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(Description)
        {
            ListTypesCommand.Create(context),
            DescribeTypeCommand.Create(context),
            RegisterCommand.Create(context),
            ListCommand.Create(context),
            DescribeCommand.Create(context),
            VerifyCommand.Create(context),
            LoginCommand.Create(context),
            LogoutCommand.Create(context),
            UpdateCommand.Create(context),
            DeleteCommand.Create(context),
            ConnectCommand.CreateConnect(context),
            ConnectCommand.CreateDisconnect(context),
        };
        return root;
    }
}
