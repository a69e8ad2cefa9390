using Connectors.Kubernetes.Generators.Common;
using Connectors.Kubernetes.Generators.Model;

namespace Connectors.Kubernetes.Generators.Emitting;

/// <summary>
/// Emits a component's surface: <c>KubernetesConnectors</c> (one name constant per required connector),
/// and <c>KubernetesConnectorsExtensions</c> with <c>AddKubernetesConnectors()</c> and typed accessors.
/// Types are internal: every component has its own, and two referenced components never clash.
/// </summary>
internal static class ComponentEmitter
{
    private const string ClientType = "global::k8s.IKubernetes";
    private const string ConnectorType = "global::Connectors.Kubernetes.IKubernetesConnector";

    /// <summary>Returns the source of <see cref="HintNames.Component"/>.</summary>
    public static string Emit(ComponentModel model)
    {
        var w = GeneratedCode.StartFile("this project's KubernetesConnectorReference items");
        w.Open("namespace " + model.Namespace);
        if (model.EmitRegistration)
        {
            // The runtime's AddKubernetesConnectorClient is an extension method in this namespace; the
            // using keeps the call resolvable when $(KubernetesConnectorsNamespace) moves our types.
            w.Line("using global::Microsoft.Extensions.Hosting;");
            w.Line();
        }

        w.Line("/// <summary>");
        w.Line("/// The names of the Kubernetes connectors this project requires (its <c>KubernetesConnectorReference</c> items).");
        w.Line("/// Each is a constant, usable as a keyed-service key: <c>[FromKeyedServices(KubernetesConnectors." + model.Connectors[0].Identifier + ")]</c>.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode.Attribute);
        w.Open("internal static class KubernetesConnectors");
        foreach (var connector in model.Connectors)
        {
            w.Line("/// <summary>The name of the Kubernetes connector <c>" + CSharpText.Xml(connector.Name) + "</c>.</summary>");
            w.Line("public const string " + connector.Identifier + " = " + CSharpText.Literal(connector.Name) + ";");
            w.Line();
        }

        w.Summary("The names of every Kubernetes connector this project requires, in project-file order.");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> All { get; } = new string[]");
        w.Line("{");
        foreach (var connector in model.Connectors)
        {
            w.Line("    " + connector.Identifier + ",");
        }

        w.Line("};");
        w.Close();

        if (model.EmitRegistration || model.EmitClientAccessors || model.EmitConnectorAccessors)
        {
            w.Line();
            EmitExtensions(w, model);
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitExtensions(IndentedWriter w, ComponentModel model)
    {
        w.Summary("Registers and resolves the Kubernetes connectors this project requires.");
        w.Line(GeneratedCode.Attribute);
        w.Open("internal static class KubernetesConnectorsExtensions");
        var first = true;
        if (model.EmitRegistration)
        {
            first = false;
            w.Line("/// <summary>");
            w.Line("/// Registers an authenticated Kubernetes client for every connector this project requires:");
            w.Line("/// " + NameList(model) + ".");
            w.Line("/// </summary>");
            w.Line("/// <remarks>");
            w.Line("/// Each connector is configured from <c>ConnectionStrings:{name}</c> and the section");
            w.Line("/// <c>Connectors:Kubernetes:{name}</c>, as <c>AddKubernetesConnectorClient(name)</c> does; the clients are");
            w.Line("/// keyed services whose key is the connector name.");
            w.Line("/// </remarks>");
            w.Line("/// <param name=\"builder\">The application builder to register the connectors with.</param>");
            w.Line("/// <returns>The same builder, for chaining.</returns>");
            w.Open("public static global::Microsoft.Extensions.Hosting.IHostApplicationBuilder AddKubernetesConnectors(this global::Microsoft.Extensions.Hosting.IHostApplicationBuilder builder)");
            w.Open("if (builder is null)");
            w.Line("throw new global::System.ArgumentNullException(nameof(builder));");
            w.Close();
            w.Line();
            foreach (var connector in model.Connectors)
            {
                w.Line("builder.AddKubernetesConnectorClient(KubernetesConnectors." + connector.Identifier + ");");
            }

            w.Line("return builder;");
            w.Close();
        }

        foreach (var connector in model.Connectors)
        {
            var member = connector.Identifier.TrimStart('@');
            if (model.EmitClientAccessors)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                EmitAccessor(w, connector, "Get" + member + "Client", ClientType, "Client", "keyed <see cref=\"" + ClientType + "\"/>");
            }

            if (model.EmitConnectorAccessors)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                EmitAccessor(w, connector, "Get" + member + "Connector", ConnectorType, "Connector", "keyed <see cref=\"" + ConnectorType + "\"/> (describe, verify, refresh)");
            }
        }

        // Both throw InvalidOperationException naming the key when the connector was not registered.
        if (model.EmitClientAccessors)
        {
            w.Line();
            EmitResolver(w, "Client", ClientType);
        }

        if (model.EmitConnectorAccessors)
        {
            w.Line();
            EmitResolver(w, "Connector", ConnectorType);
        }

        w.Close();
    }

    // One line of docs and one of code per accessor: a component may require many connectors, and the
    // compiler parses every generated line again.
    private static void EmitAccessor(IndentedWriter w, ConnectorIdentity connector, string method, string type, string resolver, string what)
    {
        w.Line("/// <summary>The " + what + " of the Kubernetes connector <c>" + CSharpText.Xml(connector.Name) + "</c>.</summary>");
        w.Line("public static " + type + " " + method + "(this global::System.IServiceProvider services) => " + resolver + "(services, KubernetesConnectors." + connector.Identifier + ");");
    }

    private static void EmitResolver(IndentedWriter w, string name, string type)
    {
        w.Line("private static " + type + " " + name + "(global::System.IServiceProvider services, string name) =>");
        w.Line("    global::Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<" + type + ">(services, name);");
    }

    private static string NameList(ComponentModel model)
    {
        var text = new System.Text.StringBuilder();
        foreach (var connector in model.Connectors)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append("<c>").Append(CSharpText.Xml(connector.Name)).Append("</c>");
        }

        return text.ToString();
    }
}
