using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GatewayQkd.Benchmarks;
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

// --cpu-clock: measure the benchmark thread's CPU time, in process (ThreadCpuClock), for figures a busy machine does not inflate.
if (args.Contains("--cpu-clock"))
{
    args = args.Where(a => a != "--cpu-clock").ToArray();
    config = config.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithClock(new ThreadCpuClock()).WithId("CpuClock"));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
