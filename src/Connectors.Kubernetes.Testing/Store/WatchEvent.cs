using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Api;

namespace Connectors.Kubernetes.Testing.Store;

/// <summary>One change in the store, as a watch stream reports it.</summary>
/// <param name="Type"><c>ADDED</c>, <c>MODIFIED</c> or <c>DELETED</c>.</param>
/// <param name="Resource">The kind that changed.</param>
/// <param name="Namespace">The object's namespace (null for cluster-scoped kinds).</param>
/// <param name="Object">The object after the change (before it, for a deletion); never mutated.</param>
/// <param name="Version">The store's resource version of this change.</param>
internal sealed record WatchEvent(string Type, ApiResource Resource, string? Namespace, JsonObject Object, long Version)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
