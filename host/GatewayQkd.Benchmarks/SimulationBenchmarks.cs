using BenchmarkDotNet.Attributes;
using GatewayQkd.Core.Scheduling;
using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;

namespace GatewayQkd.Benchmarks;

/// <summary>
/// DDKA simulation throughput (requests per second = Requests / mean time) and the core's DDKA queue operations.
/// Run: dotnet run -c Release --project host/GatewayQkd.Benchmarks -- --filter '*SimulationBenchmarks*'. Figures in
/// docs/benchmarks-simulation.md.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private const int Requests = 100_000;
    private KeyRequest[] _requests = [];

    [Params(SchemeKind.Ddka, SchemeKind.Kod, SchemeKind.Rakp)]
    public SchemeKind Scheme { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _requests = Enumerable.Range(0, 1024)
            .Select(i => new KeyRequest(i % 16, i, 0, 1, random.Next(4_000_000), 128 << random.Next(5), 1 + random.Next(5)))
            .OrderBy(r => r.ArrivalTime)
            .ToArray();
    }

    /// <summary>100,000 requests of the paper's workload at L_req 1.5 on 4 gateways.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public double SimulatePaperWorkload() =>
        new Simulator(new SimulationOptions { Scheme = Scheme, Load = 1.5, Requests = Requests }, TextWriter.Null).Run().MeanDelay;

    /// <summary>Enqueues 1024 requests (arrival order, 4 slots) into the core's DDKA-ordered queue and drains it (per request).</summary>
    [Benchmark(OperationsPerInvoke = 1024)]
    public int DdkaQueueEnqueueDequeue()
    {
        var queue = new OrderedQueue(new DdkaOrderComparer(1_000_000, 0.5), 16);
        foreach (var request in _requests)
        {
            queue.Enqueue(request);
        }

        int sum = 0;
        while (queue.Count > 0)
        {
            sum += ((KeyRequest)queue.Dequeue()).KQuaBits;
        }

        return sum;
    }
}
