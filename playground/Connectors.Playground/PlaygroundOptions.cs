namespace Connectors.Playground;

/// <summary>Command-line options of the playground.</summary>
internal sealed record PlaygroundOptions
{
    public const string Usage =
        "usage: dotnet run --project playground/Connectors.Playground [-- --kubeconfig FILE [--context NAME]]\n" +
        "  without options the story runs on an embedded loopback cluster;\n" +
        "  with --kubeconfig it runs against that cluster, in a namespace of its own that is removed at the end.";

    /// <summary>A real cluster's kubeconfig, or null for the embedded loopback cluster.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The context to use from <see cref="Kubeconfig"/>; null for its current context.</summary>
    public string? Context { get; init; }

    public bool ShowHelp { get; init; }

    public string? Error { get; init; }

    public static PlaygroundOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PlaygroundOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--kubeconfig" when i + 1 < args.Count:
                    options = options with { Kubeconfig = Path.GetFullPath(args[++i]) };
                    break;
                case "--context" when i + 1 < args.Count:
                    options = options with { Context = args[++i] };
                    break;
                case "-h" or "--help":
                    options = options with { ShowHelp = true };
                    break;
                default:
                    return options with { Error = $"playground: unknown or incomplete option '{args[i]}'." };
            }
        }

        if (options.Context is not null && options.Kubeconfig is null)
        {
            return options with { Error = "playground: --context needs --kubeconfig." };
        }

        return options;
    }
}
