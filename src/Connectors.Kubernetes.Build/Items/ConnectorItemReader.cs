using Microsoft.Build.Framework;

namespace Connectors.Kubernetes.Build.Items;

/// <summary>Turns MSBuild task items into <see cref="ConnectorItem"/>s.</summary>
internal static class ConnectorItemReader
{
    /// <summary>
    /// Reads <paramref name="items"/>; an item whose defining file is unknown is attributed to
    /// <paramref name="projectFile"/>. Occurrences are counted per (file, name) so duplicates point at
    /// their own line.
    /// </summary>
    public static IReadOnlyList<ConnectorItem> Read(IEnumerable<ITaskItem> items, string projectFile)
    {
        var seen = new Dictionary<(string File, string Name), int>();
        var result = new List<ConnectorItem>();
        foreach (var item in items)
        {
            var definingFile = item.GetMetadata("DefiningProjectFullPath");
            if (string.IsNullOrEmpty(definingFile))
            {
                definingFile = projectFile;
            }

            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (System.Collections.DictionaryEntry entry in item.CloneCustomMetadata())
            {
                if (entry.Key is string name && entry.Value is string value && value.Length > 0)
                {
                    metadata[name] = value;
                }
            }

            var key = (definingFile, item.ItemSpec);
            seen.TryGetValue(key, out var occurrence);
            seen[key] = occurrence + 1;
            result.Add(new ConnectorItem(item.ItemSpec, metadata, definingFile) { Occurrence = occurrence });
        }

        return result;
    }
}
