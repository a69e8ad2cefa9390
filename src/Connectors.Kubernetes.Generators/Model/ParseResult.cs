using Connectors.Kubernetes.Generators.Common;

namespace Connectors.Kubernetes.Generators.Model;

/// <summary>A parser's result: the model to emit (or <see langword="null"/> when there is nothing to emit) and its diagnostics.</summary>
internal sealed record ParseResult<TModel>(TModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    where TModel : class;
