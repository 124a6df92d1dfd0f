using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using GatewayQkd.Benchmarks.Heap;

// `heap-budget`: the managed-heap budget of both board apps (hardware/memory-budget.md), printed without BenchmarkDotNet.
if (args.Length == 1 && args[0] == "heap-budget")
{
    HeapBudgetRun.Run(Console.Out);
    return;
}

// The generated benchmark project is built out of process; on a loaded 2-core machine that build can take longer than
// BenchmarkDotNet's default two minutes, so allow more.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
