using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Api;
using Connectors.Kubernetes.Testing.Store;
using Connectors.Kubernetes.Testing.Store.Patching;

namespace Connectors.Kubernetes.Testing.Tests;

/// <summary>The server's patch, selector and routing rules on their own, for the cases the wire tests do not reach.</summary>
public sealed class PatchAndSelectorTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Strategic_merge_deletes_reorders_and_removes_from_primitive_lists()
    {
        var live = Obj("""{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}],"finalizers":["x","y"]},"metadata":{"labels":{"k":"v"}}}""");
        var patch = Obj("""
            {"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],
                     "containers":[{"name":"a","$patch":"delete"},{"name":"c","image":"c:1"}],
                     "$deleteFromPrimitiveList/finalizers":["x"],
                     "$retainKeys":["containers"]},
             "metadata":{"labels":{"k":null}}}
            """);
        var result = StrategicMergePatch.Apply(live, patch)!;
        Assert.Equal("""{"spec":{"containers":[{"name":"b","image":"b:1"},{"name":"c","image":"c:1"}],"finalizers":["y"]},"metadata":{"labels":{}}}""", result.ToJsonString());
    }

    [Fact]
    public void Strategic_merge_replace_directive_replaces_the_map()
    {
        var result = StrategicMergePatch.Apply(Obj("""{"data":{"a":"1","b":"2"}}"""), Obj("""{"data":{"$patch":"replace","c":"3"}}"""))!;
        Assert.Equal("""{"data":{"c":"3"}}""", result.ToJsonString());
    }

    [Fact]
    public void Json_patch_supports_every_operation_and_fails_a_test_with_422()
    {
        var doc = Obj("""{"a":{"b":1},"list":[1,2]}""");
        var patch = JsonNode.Parse("""
            [{"op":"add","path":"/list/-","value":3},{"op":"copy","from":"/a/b","path":"/c"},
             {"op":"move","from":"/c","path":"/d"},{"op":"test","path":"/d","value":1},
             {"op":"remove","path":"/list/0"},{"op":"replace","path":"/a~1x","value":0}]
            """);
        var failure = Assert.Throws<ApiException>(() => JsonPatch.Apply(doc, patch));
        Assert.Equal(422, failure.Code);

        var ok = JsonPatch.Apply(doc, JsonNode.Parse("""
            [{"op":"add","path":"/list/-","value":3},{"op":"copy","from":"/a/b","path":"/c"},
             {"op":"move","from":"/c","path":"/d"},{"op":"test","path":"/d","value":1},
             {"op":"remove","path":"/list/0"},{"op":"add","path":"/a~1x","value":0}]
            """));
        Assert.Equal("""{"a":{"b":1},"list":[2,3],"d":1,"a/x":0}""", ok.ToJsonString());
        Assert.Equal(400, Assert.Throws<ApiException>(() => JsonPatch.Apply(doc, JsonNode.Parse("""{"op":"add"}"""))).Code);
    }

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web,tier!=db", true)]
    [InlineData("app in (api, web),!legacy", true)]
    [InlineData("app notin (web)", false)]
    [InlineData("tier", false)]
    [InlineData("", true)]
    public void Label_selectors_match_like_the_API_server(string selector, bool matches)
        => Assert.Equal(matches, LabelSelector.Parse(selector).Matches(new Dictionary<string, string> { ["app"] = "web" }));

    [Theory]
    [InlineData("app in web")]
    [InlineData("a b")]
    [InlineData("app=web,")]
    public void Malformed_label_selectors_are_400(string selector)
        => Assert.Equal(400, Assert.Throws<ApiException>(() => LabelSelector.Parse(selector)).Code);

    [Theory]
    [InlineData("/api/v1/namespaces", "namespaces", null, null, null)]
    [InlineData("/api/v1/namespaces/ml", "namespaces", null, "ml", null)]
    [InlineData("/api/v1/namespaces/ml/status", "namespaces", null, "ml", "status")]
    [InlineData("/api/v1/namespaces/ml/pods", "pods", "ml", null, null)]
    [InlineData("/api/v1/namespaces/ml/pods/p/log", "pods", "ml", "p", "log")]
    [InlineData("/api/v1/pods", "pods", null, null, null)]
    [InlineData("/apis/apps/v1/namespaces/ml/deployments/web/scale", "deployments", "ml", "web", "scale")]
    [InlineData("/apis/batch/v1/jobs", "jobs", null, null, null)]
    public void Paths_route_to_resources(string path, string plural, string? ns, string? name, string? subresource)
    {
        var route = ApiRouter.Parse(path);
        Assert.Equal(ApiRouteKind.Resource, route.Kind);
        Assert.Equal((plural, ns, name, subresource), (route.Resource!.Plural, route.Namespace, route.Name, route.Subresource));
    }

    [Theory]
    [InlineData("/api/v2")]
    [InlineData("/apis/apps/v1beta1/deployments")]
    [InlineData("/api/v1/namespaces/ml/widgets")]
    [InlineData("/api/v1/namespaces/ml/pods/p/exec")]
    [InlineData("/apis/apps/v1/namespaces/ml/namespaces")]
    [InlineData("/metrics")]
    public void Unknown_paths_are_not_found(string path) => Assert.Equal(ApiRouteKind.NotFound, ApiRouter.Parse(path).Kind);

    [Fact]
    public void Field_selectors_compare_dotted_paths()
    {
        var pod = Obj("""{"metadata":{"name":"p"},"status":{"phase":"Running"}}""");
        Assert.True(FieldSelector.Parse("metadata.name=p,status.phase!=Pending")(pod));
        Assert.False(FieldSelector.Parse("status.phase=Pending")(pod));
        Assert.Equal(400, Assert.Throws<ApiException>(() => FieldSelector.Parse("nonsense")).Code);
    }
}
