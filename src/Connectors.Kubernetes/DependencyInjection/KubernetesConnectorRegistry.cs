using System.Text;

namespace Connectors.Kubernetes;

/// <summary>
/// Every connector registered in one service collection, and the ones the component requires. Kept as
/// a singleton instance in the collection so each registration call finds the same registry.
/// </summary>
internal sealed class KubernetesConnectorRegistry
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<string> _required = [];

    internal sealed record Entry(KubernetesConnectorBinding Binding, bool KeyedOnly)
    {
        public string Name => Binding.Name;
    }

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IReadOnlyList<string> Required
    {
        get
        {
            lock (_gate)
            {
                return [.. _required];
            }
        }
    }

    /// <summary>Adds or replaces a connector; returns false when it was registered already.</summary>
    public bool Set(KubernetesConnectorBinding binding, bool keyedOnly)
    {
        lock (_gate)
        {
            var index = _entries.FindIndex(e => e.Name == binding.Name);
            if (index >= 0)
            {
                _entries[index] = new Entry(binding, keyedOnly && _entries[index].KeyedOnly);
                return false;
            }

            _entries.Add(new Entry(binding, keyedOnly));
            return true;
        }
    }

    public Entry? Find(string name)
    {
        lock (_gate)
        {
            return _entries.Find(e => e.Name == name);
        }
    }

    public void Require(IEnumerable<string> names)
    {
        lock (_gate)
        {
            foreach (var name in names)
            {
                if (!_required.Contains(name))
                {
                    _required.Add(name);
                }
            }
        }
    }

    /// <summary>The connector the non-keyed services stand for.</summary>
    /// <exception cref="KubernetesConnectorException">None qualifies (<c>KC1403</c>) or several do (<c>KC1404</c>).</exception>
    public string DefaultName()
    {
        var candidates = Entries.Where(e => !e.KeyedOnly).ToList();
        var marked = candidates.Where(e => e.Binding.Settings.Default).ToList();
        if (marked.Count == 1)
        {
            return marked[0].Name;
        }

        if (marked.Count == 0 && candidates.Count == 1)
        {
            return candidates[0].Name;
        }

        if (candidates.Count == 0)
        {
            throw new KubernetesConnectorException(
                KubernetesInjectionErrorCodes.NoDefaultConnector,
                "A non-keyed Kubernetes client was requested, but no connector is registered for it. Call builder.AddKubernetesConnectorClient(\"name\") " +
                "(AddKeyedKubernetesConnectorClient registers keyed services only), or resolve the keyed service: [FromKeyedServices(\"name\")] IKubernetes.");
        }

        var names = new StringBuilder();
        foreach (var entry in marked.Count > 1 ? marked : candidates)
        {
            names.Append(names.Length == 0 ? "'" : ", '").Append(entry.Name).Append('\'');
        }

        throw new KubernetesConnectorException(
            KubernetesInjectionErrorCodes.AmbiguousDefaultConnector,
            "A non-keyed Kubernetes client was requested, but " + (marked.Count > 1 ? "several connectors are marked Default: " : "several connectors are registered and none is marked Default: ") + names +
            ". Resolve the keyed service ([FromKeyedServices(\"name\")] IKubernetes), or set Default=true for exactly one (section Connectors:Kubernetes:{name}:Default or the settings delegate).");
    }
}
