using BenchmarkDotNet.Running;

// Entry point for every benchmark in this assembly; pass BenchmarkDotNet arguments, e.g. --filter '*Kubeconfig*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
