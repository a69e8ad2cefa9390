using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Connectors.Kubernetes.Generators.Tests.Infrastructure;

/// <summary>Emits a compilation and runs a static method of it in a collectible load context.</summary>
internal static class CompiledAssembly
{
    public static object? Invoke(Compilation compilation, string typeName, string methodName)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var method = assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)!;
            try
            {
                return method.Invoke(null, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
