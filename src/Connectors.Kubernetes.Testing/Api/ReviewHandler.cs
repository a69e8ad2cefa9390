using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Store;

namespace Connectors.Kubernetes.Testing.Api;

/// <summary>
/// The two review APIs a client uses to learn about itself: SelfSubjectReview (who am I —
/// <c>kubectl auth whoami</c>) and SelfSubjectAccessReview (may I — <c>kubectl auth can-i</c>).
/// </summary>
internal static class ReviewHandler
{
    public static async Task HandleAsync(RequestContext request)
    {
        if (request.Http.Request.Method != "POST")
        {
            throw ApiException.MethodNotAllowed("review resources only support create (POST)");
        }

        // A SelfSubjectReview's body carries nothing the answer depends on (kubectl sends it as protobuf).
        var answer = request.Route.Kind == ApiRouteKind.SelfSubjectReview
            ? WhoAmI(request)
            : MayI(request, request.IsProtobuf
                ? ProtobufReview.ToJson(await request.ReadRawBodyAsync().ConfigureAwait(false))
                : JsonTree.ParseObject(await request.ReadBodyAsync().ConfigureAwait(false)));
        await ApiResponses.WriteJsonAsync(request.Http, 201, answer).ConfigureAwait(false);
    }

    private static JsonObject WhoAmI(RequestContext request)
    {
        var user = request.User;
        var userInfo = new JsonObject
        {
            ["username"] = user.UserName,
            ["groups"] = new JsonArray([.. user.Groups.Select(g => (JsonNode)g)]),
        };
        if (user.Uid.Length > 0)
        {
            userInfo["uid"] = user.Uid;
        }

        return new JsonObject
        {
            ["kind"] = "SelfSubjectReview",
            ["apiVersion"] = ApiCatalog.AuthenticationGroup + "/" + request.Route.Version,
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["status"] = new JsonObject { ["userInfo"] = userInfo },
        };
    }

    private static JsonObject MayI(RequestContext request, JsonObject body)
    {
        bool allowed;
        string reason;
        if (JsonTree.Walk(body, "spec", "resourceAttributes") is JsonObject attributes)
        {
            var verb = JsonTree.String(attributes, "verb") ?? string.Empty;
            var resource = JsonTree.String(attributes, "resource") ?? string.Empty;
            var subresource = JsonTree.String(attributes, "subresource");
            var ns = JsonTree.String(attributes, "namespace");
            allowed = request.User.Allows(verb, resource, string.IsNullOrEmpty(subresource) ? null : subresource, string.IsNullOrEmpty(ns) ? null : ns);
            // Like RBAC, a denial carries no reason (kubectl would print it after "no").
            reason = allowed ? "allowed by the loopback server's rules for this user" : string.Empty;
        }
        else if (JsonTree.Walk(body, "spec", "nonResourceAttributes") is JsonObject)
        {
            allowed = true;
            reason = "non-resource paths are open to authenticated users";
        }
        else
        {
            throw ApiException.Invalid(
                new ApiResource(ApiCatalog.AuthorizationGroup, "v1", "selfsubjectaccessreviews", "selfsubjectaccessreview", "SelfSubjectAccessReview", false, [], [], false),
                string.Empty,
                [new FieldError("spec.resourceAttributes", "FieldValueRequired", "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified")]);
        }

        var answer = (JsonObject)body.DeepClone();
        answer["kind"] = "SelfSubjectAccessReview";
        answer["apiVersion"] = ApiCatalog.AuthorizationGroup + "/" + request.Route.Version;
        answer["metadata"] ??= new JsonObject();
        var status = new JsonObject { ["allowed"] = allowed };
        if (reason.Length > 0)
        {
            status["reason"] = reason;
        }

        answer["status"] = status;
        return answer;
    }
}
