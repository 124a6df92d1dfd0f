using BenchmarkDotNet.Attributes;
using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Benchmarks;

/// <summary>
/// The core's DDKA-ordered queue (the gateway's waiting requests): enqueue and dequeue per request, with 1024 requests
/// over 4 slots, i.e. about 256 requests competing by est in a slot (a long queue: the insertion scans the slot).
/// Figures in docs/benchmarks-simulation.md.
/// </summary>
[MemoryDiagnoser]
public class DdkaQueueBenchmarks
{
    private KeyRequest[] _requests = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _requests = Enumerable.Range(0, 1024)
            .Select(i => new KeyRequest(i % 16, i, 0, 1, random.Next(4_000_000), 128 << random.Next(5), 1 + random.Next(5)))
            .OrderBy(r => r.ArrivalTime)
            .ToArray();
    }

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
