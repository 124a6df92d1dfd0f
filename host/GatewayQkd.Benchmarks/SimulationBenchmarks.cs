using BenchmarkDotNet.Attributes;
using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;

namespace GatewayQkd.Benchmarks;

/// <summary>
/// DDKA simulation throughput: mean time per simulated request (requests per second = 1 / mean).
/// Run: dotnet run -c Release --project host/GatewayQkd.Benchmarks -- --filter '*SimulationBenchmarks*'. Figures in
/// docs/benchmarks-simulation.md.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private const int Requests = 100_000;

    [Params(SchemeKind.Ddka, SchemeKind.Kod, SchemeKind.Rakp)]
    public SchemeKind Scheme { get; set; }

    /// <summary>100,000 requests of the paper's workload at L_req 1.5 on 4 gateways.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public double SimulatePaperWorkload() =>
        new Simulator(new SimulationOptions { Scheme = Scheme, Load = 1.5, Requests = Requests }, TextWriter.Null).Run().MeanDelay;
}
