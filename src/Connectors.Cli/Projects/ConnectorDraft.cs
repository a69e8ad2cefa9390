using Connectors.Kubernetes.Items;
using Connectors.Kubernetes.Cli.Secrets;

namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>
/// A connector being registered or updated: its item metadata (in order) and the secret parameters to
/// set or remove. Nothing is written until the draft validated (and verified, unless told not to).
/// </summary>
internal sealed class ConnectorDraft
{
    private readonly List<KeyValuePair<string, string>> _metadata;
    private readonly Dictionary<string, string?> _secretChanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _existingSecrets;

    private ConnectorDraft(string name, IEnumerable<KeyValuePair<string, string>> metadata, IReadOnlyDictionary<string, string> secrets)
    {
        Name = name;
        _metadata = [.. metadata];
        _existingSecrets = new Dictionary<string, string>(secrets, StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>The item metadata as it will be written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata => _metadata;

    /// <summary>Secret parameters to set (value) or remove (null), by suffix.</summary>
    public IReadOnlyDictionary<string, string?> SecretChanges => _secretChanges;

    public static ConnectorDraft New(string name) => new(name, [], new Dictionary<string, string>());

    public static ConnectorDraft From(ConnectorRecord record) => new(record.Name, record.Item.Metadata, record.Secrets);

    public string? Get(string metadata) =>
        _metadata.FirstOrDefault(pair => string.Equals(pair.Key, metadata, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value : null;

    /// <summary>Sets a metadata value where it is (keeping the item's order), else appends it.</summary>
    public void Set(string metadata, string value)
    {
        var index = _metadata.FindIndex(pair => string.Equals(pair.Key, metadata, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            _metadata[index] = new(_metadata[index].Key, value);
        }
        else
        {
            _metadata.Add(new(metadata, value));
        }
    }

    /// <summary>Puts the metadata in the order of the item contract (for a new item; an existing one keeps its own order).</summary>
    public void SortCanonically()
    {
        var order = ConnectorItemContract.Ordered.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.OrdinalIgnoreCase);
        var sorted = _metadata.OrderBy(pair => order.TryGetValue(pair.Key, out var index) ? index : int.MaxValue).ToList();
        _metadata.Clear();
        _metadata.AddRange(sorted);
    }

    /// <summary>Removes a metadata value; returns whether it was there.</summary>
    public bool Remove(string metadata) =>
        _metadata.RemoveAll(pair => string.Equals(pair.Key, metadata, StringComparison.OrdinalIgnoreCase)) > 0;

    public void SetSecret(string suffix, string value) => _secretChanges[suffix] = value;

    /// <summary>Marks a secret for removal; returns whether it exists.</summary>
    public bool RemoveSecret(string suffix)
    {
        var existed = _existingSecrets.ContainsKey(suffix) || (_secretChanges.TryGetValue(suffix, out var pending) && pending is not null);
        _secretChanges[suffix] = null;
        return existed;
    }

    /// <summary>The secrets as they will be after the changes.</summary>
    public IReadOnlyDictionary<string, string> EffectiveSecrets
    {
        get
        {
            var result = new Dictionary<string, string>(_existingSecrets, StringComparer.Ordinal);
            foreach (var (suffix, value) in _secretChanges)
            {
                if (value is null)
                {
                    result.Remove(suffix);
                }
                else
                {
                    result[suffix] = value;
                }
            }

            return result;
        }
    }

    /// <summary>The item element text as it will be written.</summary>
    public string ItemText() => Projects.ItemText.Render(ConnectorItemContract.ItemType, Name, _metadata);

    /// <summary>The draft as a record (for validation, describe and verification before anything is written).</summary>
    public ConnectorRecord ToRecord(string baseDirectory)
    {
        var element = XmlSpanReader.Read(ItemText(), "(draft)");
        return new ConnectorRecord(new ConnectorItem(element), EffectiveSecrets, baseDirectory);
    }

    /// <summary>Applies the secret changes to a store.</summary>
    public void ApplySecrets(UserSecretsStore store)
    {
        foreach (var (suffix, value) in _secretChanges)
        {
            var key = SecretNames.ConfigurationKey(Name, suffix);
            if (value is null)
            {
                store.Remove(key);
            }
            else
            {
                store.Set(key, value);
            }
        }
    }
}
