using System;
using System.Collections.Generic;
using Connectors.Kubernetes.Generators.Diagnostics;
using Connectors.Kubernetes.Generators.Model;
using Connectors.Kubernetes.Naming;

namespace Connectors.Kubernetes.Generators.Parsing;

/// <summary>
/// Validates the names of one kind of item and gives each surviving name a unique C# identifier.
/// Identifier allocation depends only on the set of names (ordinal order), never on item order, so
/// reordering items in a project file never renames a generated member.
/// </summary>
internal static class ConnectorNameResolver
{
    /// <summary>
    /// Member names the generated classes use themselves; a connector mapping to one gets a suffix.
    /// The same set serves components and app hosts so one name maps to one identifier everywhere.
    /// </summary>
    public static readonly HashSet<string> ReservedIdentifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "All", "KubernetesConnectors", "KubernetesConnectorDeclarations", "KubernetesConnectorDeclaration",
    };

    /// <summary>
    /// Returns the items with valid, unique names (first item of a duplicate group kept, in item order)
    /// paired with their identifiers, reporting KC3001, KC3002 and KC3003 into <paramref name="diagnostics"/>.
    /// </summary>
    public static List<(ConnectorItem Item, ConnectorIdentity Identity)> Resolve(
        IReadOnlyList<ConnectorItem> items,
        string itemType,
        List<DiagnosticInfo> diagnostics)
    {
        // Identical items reach the compiler as one line carrying the count of items sharing the name
        // (MSBuild counts case-insensitively); case variants arrive as separate lines. A group's size is
        // therefore the larger of its line count and the largest count a line carries.
        var kept = new List<ConnectorItem>();
        var groups = new Dictionary<string, (int Lines, int Counted)>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (ConnectorNameRules.Explain(item.Name) is { } reason)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidName, itemType, item.Name, reason));
                continue;
            }

            if (!groups.TryGetValue(item.Name, out var group))
            {
                kept.Add(item);
            }

            groups[item.Name] = (group.Lines + 1, Math.Max(group.Counted, item.Occurrences));
        }

        foreach (var item in kept)
        {
            var group = groups[item.Name];
            var count = Math.Max(group.Lines, group.Counted);
            if (count > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, itemType, item.Name, count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        var identifiers = Allocate(kept, diagnostics);
        var result = new List<(ConnectorItem, ConnectorIdentity)>(kept.Count);
        foreach (var item in kept)
        {
            result.Add((item, new ConnectorIdentity(item.Name, identifiers[item.Name])));
        }

        return result;
    }

    private static Dictionary<string, string> Allocate(List<ConnectorItem> items, List<DiagnosticInfo> diagnostics)
    {
        var names = new List<string>(items.Count);
        foreach (var item in items)
        {
            names.Add(item.Name);
        }

        names.Sort(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var wanted = IdentifierRules.ToIdentifier(name);
            var candidate = wanted;
            for (var n = 2; ReservedIdentifiers.Contains(candidate) || owners.ContainsKey(candidate); n++)
            {
                candidate = wanted + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (!string.Equals(candidate, wanted, StringComparison.Ordinal))
            {
                var holder = owners.TryGetValue(wanted, out var owner) ? "the connector '" + owner + "'" : "a generated member";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IdentifierCollision, holder, name, wanted, candidate));
            }

            owners[candidate] = name;
            result[name] = candidate;
        }

        return result;
    }
}
