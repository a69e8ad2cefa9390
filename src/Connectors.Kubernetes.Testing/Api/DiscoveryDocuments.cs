using System.Text.Json.Nodes;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>The discovery documents (<c>/api</c>, <c>/apis</c>, resource lists) for what the server serves.</summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] ObjectVerbs = ["create", "delete", "get", "list", "patch", "update", "watch"];

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList()
    {
        var groups = new JsonArray();
        foreach (var group in ApiCatalog.Groups)
        {
            groups.Add(GroupBody(group));
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public static JsonObject Group(string group)
    {
        var body = GroupBody(group);
        body["kind"] = "APIGroup";
        body["apiVersion"] = "v1";
        return body;
    }

    public static JsonObject ResourceList(string group, string version)
    {
        var resources = new JsonArray();
        if (group == ApiCatalog.AuthenticationGroup)
        {
            resources.Add(Entry("selfsubjectreviews", "selfsubjectreview", false, "SelfSubjectReview", ["create"]));
        }
        else if (group == ApiCatalog.AuthorizationGroup)
        {
            resources.Add(Entry("selfsubjectaccessreviews", "selfsubjectaccessreview", false, "SelfSubjectAccessReview", ["create"]));
        }

        foreach (var resource in ApiCatalog.InGroupVersion(group, version))
        {
            var entry = Entry(resource.Plural, resource.Singular, resource.Namespaced, resource.Kind, ObjectVerbs);
            if (resource.ShortNames.Count > 0)
            {
                entry["shortNames"] = new JsonArray([.. resource.ShortNames.Select(s => (JsonNode)s)]);
            }

            if (resource != ApiCatalog.Namespaces && resource != ApiCatalog.Secrets && resource != ApiCatalog.ConfigMaps)
            {
                entry["categories"] = new JsonArray("all");
            }

            resources.Add(entry);
            foreach (var sub in resource.Subresources)
            {
                var subEntry = sub switch
                {
                    "log" => Entry(resource.Plural + "/log", string.Empty, true, "Pod", ["get"]),
                    "scale" => Entry(resource.Plural + "/scale", string.Empty, true, "Scale", ["get", "patch", "update"]),
                    _ => Entry(resource.Plural + "/" + sub, string.Empty, resource.Namespaced, resource.Kind, ["get", "patch", "update"]),
                };
                if (sub == "scale")
                {
                    subEntry["group"] = "autoscaling";
                    subEntry["version"] = "v1";
                }

                resources.Add(subEntry);
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : group + "/" + version,
            ["resources"] = resources,
        };
    }

    private static JsonObject Entry(string name, string singular, bool namespaced, string kind, IReadOnlyList<string> verbs) => new()
    {
        ["name"] = name,
        ["singularName"] = singular,
        ["namespaced"] = namespaced,
        ["kind"] = kind,
        ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
    };

    private static JsonObject GroupBody(string group)
    {
        var version = new JsonObject { ["groupVersion"] = group + "/v1", ["version"] = "v1" };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray(version),
            ["preferredVersion"] = version.DeepClone(),
        };
    }
}
