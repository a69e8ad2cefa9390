using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Api;

namespace Connectors.Kubernetes.Testing.Store;

/// <summary>
/// The server's objects, kept as JSON, with one resource-version counter for everything and a short
/// history of changes so that a watch can start from a recent version. One lock guards it all:
/// a test server favours obviously-correct ordering over throughput.
/// </summary>
internal sealed class ObjectStore
{
    private const int HistoryLimit = 4096;

    private readonly object _gate = new();
    private readonly Dictionary<ApiResource, SortedDictionary<string, JsonObject>> _objects = [];
    private readonly List<WatchSubscription> _subscriptions = [];
    private readonly Queue<WatchEvent> _history = new();
    private readonly TimeProvider _time;
    private long _version = 100;

    public ObjectStore(TimeProvider time)
    {
        _time = time;
        foreach (var resource in ApiCatalog.All)
        {
            _objects[resource] = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        }
    }

    public JsonObject Create(ApiResource resource, string? @namespace, JsonObject body, bool keepStatus = false)
    {
        lock (_gate)
        {
            CheckNamespaceExists(resource, @namespace);
            var metadata = JsonTree.Metadata(body);
            var name = JsonTree.String(metadata, "name");
            if (string.IsNullOrEmpty(name))
            {
                var prefix = JsonTree.String(metadata, "generateName");
                if (string.IsNullOrEmpty(prefix))
                {
                    throw ApiException.Invalid(resource, string.Empty, [new FieldError("metadata.name", "FieldValueRequired", "Required value: name or generateName is required")]);
                }

                do
                {
                    name = prefix + TokenGenerator.Suffix();
                }
                while (_objects[resource].ContainsKey(Key(@namespace, name)));
            }

            var key = Key(@namespace, name);
            if (_objects[resource].ContainsKey(key))
            {
                throw ApiException.AlreadyExists(resource, name);
            }

            body["apiVersion"] = resource.GroupVersion;
            body["kind"] = resource.Kind;
            metadata["name"] = name;
            if (@namespace is not null)
            {
                metadata["namespace"] = @namespace;
            }
            else
            {
                metadata.Remove("namespace");
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = JsonTree.Timestamp(_time.GetUtcNow());
            metadata["generation"] = 1;
            metadata.Remove("deletionTimestamp");
            metadata.Remove("managedFields");
            if (!keepStatus && resource.HasStatus)
            {
                body.Remove("status");
            }

            ObjectRules.Prepare(resource, body, existing: null, this);
            return Commit(resource, @namespace, key, body, WatchEvent.Added);
        }
    }

    public JsonObject Get(ApiResource resource, string? @namespace, string name)
    {
        lock (_gate)
        {
            return (JsonObject)Find(resource, @namespace, name).DeepClone();
        }
    }

    public JsonObject? TryGet(ApiResource resource, string? @namespace, string name)
    {
        lock (_gate)
        {
            return _objects[resource].TryGetValue(Key(@namespace, name), out var found) ? (JsonObject)found.DeepClone() : null;
        }
    }

    public (List<JsonObject> Items, long Version) List(ApiResource resource, string? @namespace, Func<JsonObject, bool> filter)
    {
        lock (_gate)
        {
            var items = new List<JsonObject>();
            foreach (var obj in _objects[resource].Values)
            {
                if (InNamespace(obj, @namespace) && filter(obj))
                {
                    items.Add((JsonObject)obj.DeepClone());
                }
            }

            return (items, _version);
        }
    }

    /// <summary>
    /// Reads the current object, lets <paramref name="change"/> produce the next state, and stores it
    /// (an update, a patch, a status write or a controller's step) in one atomic step.
    /// </summary>
    public JsonObject Update(ApiResource resource, string? @namespace, string name, Func<JsonObject, JsonObject> change, WriteScope scope)
    {
        lock (_gate)
        {
            var current = Find(resource, @namespace, name);
            var proposed = change((JsonObject)current.DeepClone());
            var proposedVersion = JsonTree.String(proposed, "metadata", "resourceVersion");
            var currentVersion = JsonTree.String(current, "metadata", "resourceVersion");
            if (!string.IsNullOrEmpty(proposedVersion) && proposedVersion != currentVersion)
            {
                throw ApiException.Conflict(resource, name);
            }

            var proposedName = JsonTree.String(proposed, "metadata", "name");
            if (!string.IsNullOrEmpty(proposedName) && proposedName != name)
            {
                throw ApiException.BadRequest($"the name of the object ({proposedName}) does not match the name on the URL ({name})");
            }

            JsonObject next;
            if (scope == WriteScope.Status)
            {
                next = (JsonObject)current.DeepClone();
                next["status"] = proposed["status"]?.DeepClone();
            }
            else
            {
                next = proposed;
                var metadata = JsonTree.Metadata(next);
                var kept = current["metadata"]!.AsObject();
                foreach (var field in (string[])["name", "namespace", "uid", "creationTimestamp", "generation"])
                {
                    metadata[field] = kept[field]?.DeepClone();
                }

                next["apiVersion"] = resource.GroupVersion;
                next["kind"] = resource.Kind;
                if (resource.HasStatus && scope == WriteScope.Object)
                {
                    next["status"] = current["status"]?.DeepClone();
                }

                ObjectRules.Prepare(resource, next, current, this);
                if (!JsonTree.DeepEquals(Spec(current), Spec(next)))
                {
                    metadata["generation"] = (JsonTree.Integer(kept, "generation") ?? 1) + 1;
                }
            }

            JsonTree.Metadata(next)["resourceVersion"] = currentVersion;
            if (JsonTree.DeepEquals(current, next))
            {
                // A no-op write keeps its resource version and wakes no watcher, as on a real server.
                return (JsonObject)current.DeepClone();
            }

            return Commit(resource, @namespace, Key(@namespace, name), next, WatchEvent.Modified);
        }
    }

    public JsonObject Delete(ApiResource resource, string? @namespace, string name, bool orphanDependents = false)
    {
        lock (_gate)
        {
            var current = Find(resource, @namespace, name);
            var removed = Remove(resource, @namespace, name, current);
            if (resource == ApiCatalog.Namespaces)
            {
                foreach (var (kind, objects) in _objects)
                {
                    if (!kind.Namespaced)
                    {
                        continue;
                    }

                    foreach (var (_, obj) in objects.Where(o => InNamespace(o.Value, name)).ToList())
                    {
                        Remove(kind, name, JsonTree.String(obj, "metadata", "name")!, obj);
                    }
                }
            }
            else if (!orphanDependents)
            {
                RemoveDependents(JsonTree.String(current, "metadata", "uid"));
            }

            return removed;
        }
    }

    /// <summary>
    /// Subscribes to changes of one kind. With <paramref name="sinceVersion"/> the changes after it
    /// are replayed from history; without it, every current object is sent first as <c>ADDED</c>.
    /// </summary>
    public WatchSubscription Watch(ApiResource resource, string? @namespace, Func<JsonObject, bool> filter, long? sinceVersion)
    {
        lock (_gate)
        {
            bool Matches(WatchEvent change) => change.Resource == resource && InNamespace(change.Object, @namespace) && filter(change.Object);
            var oldest = _history.Count == 0 ? _version : _history.Peek().Version - 1;
            var expired = sinceVersion is not null && sinceVersion.Value > 0 && sinceVersion.Value < oldest;
            var subscription = new WatchSubscription(Matches, Unsubscribe) { Expired = expired };
            if (expired)
            {
                subscription.Complete();
                return subscription;
            }

            if (sinceVersion is null || sinceVersion.Value == 0)
            {
                foreach (var obj in _objects[resource].Values)
                {
                    subscription.Offer(new WatchEvent(WatchEvent.Added, resource, Namespace(obj), (JsonObject)obj.DeepClone(), VersionOf(obj)));
                }
            }
            else
            {
                foreach (var change in _history)
                {
                    if (change.Version > sinceVersion.Value)
                    {
                        subscription.Offer(change);
                    }
                }
            }

            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Ends every watch (the server is stopping).</summary>
    public void CloseWatches()
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Complete();
            }

            _subscriptions.Clear();
        }
    }

    internal bool NamespaceExists(string name) => _objects[ApiCatalog.Namespaces].ContainsKey(Key(null, name));

    internal IEnumerable<JsonObject> Peek(ApiResource resource) => _objects[resource].Values;

    private void CheckNamespaceExists(ApiResource resource, string? @namespace)
    {
        if (resource.Namespaced && @namespace is not null && !NamespaceExists(@namespace))
        {
            throw ApiException.NotFound(ApiCatalog.Namespaces, @namespace);
        }
    }

    private void RemoveDependents(string? ownerUid)
    {
        if (string.IsNullOrEmpty(ownerUid))
        {
            return;
        }

        foreach (var (kind, objects) in _objects)
        {
            foreach (var (_, obj) in objects.Where(o => IsOwnedBy(o.Value, ownerUid)).ToList())
            {
                var name = JsonTree.String(obj, "metadata", "name")!;
                Remove(kind, Namespace(obj), name, obj);
                RemoveDependents(JsonTree.String(obj, "metadata", "uid"));
            }
        }
    }

    private static bool IsOwnedBy(JsonObject obj, string ownerUid)
    {
        return JsonTree.Walk(obj, "metadata", "ownerReferences") is JsonArray owners
            && owners.Any(o => JsonTree.String(o, "uid") == ownerUid);
    }

    private JsonObject Remove(ApiResource resource, string? @namespace, string name, JsonObject current)
    {
        _objects[resource].Remove(Key(@namespace, name));
        var gone = (JsonObject)current.DeepClone();
        var version = ++_version;
        JsonTree.Metadata(gone)["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
        Publish(new WatchEvent(WatchEvent.Deleted, resource, @namespace, gone, version));
        return (JsonObject)gone.DeepClone();
    }

    private JsonObject Commit(ApiResource resource, string? @namespace, string key, JsonObject next, string type)
    {
        var version = ++_version;
        JsonTree.Metadata(next)["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
        _objects[resource][key] = next;
        Publish(new WatchEvent(type, resource, @namespace, (JsonObject)next.DeepClone(), version));
        return (JsonObject)next.DeepClone();
    }

    private void Publish(WatchEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > HistoryLimit)
        {
            _history.Dequeue();
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Offer(change);
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private JsonObject Find(ApiResource resource, string? @namespace, string name)
    {
        if (!_objects[resource].TryGetValue(Key(@namespace, name), out var found))
        {
            throw ApiException.NotFound(resource, name);
        }

        return found;
    }

    private static JsonObject Spec(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }

    private static string Key(string? @namespace, string name) => (@namespace ?? string.Empty) + "/" + name;

    private static string? Namespace(JsonObject obj) => JsonTree.String(obj, "metadata", "namespace");

    private static bool InNamespace(JsonObject obj, string? @namespace) => @namespace is null || Namespace(obj) == @namespace;

    private static long VersionOf(JsonObject obj)
        => long.TryParse(JsonTree.String(obj, "metadata", "resourceVersion"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
