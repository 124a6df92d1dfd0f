using GatewayQkd.Core.Scheduling;
using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Workload;

namespace GatewayQkd.Simulation.Tests;

/// <summary>Builds hand-made request lists and runs them; times in seconds, link 1280 bit/s, V_gen 2560 bit/s.</summary>
internal static class SimulationHarness
{
    private static long _nextId;

    public static KeyRequest Request(double arrivalSeconds, int kQua, int kSec = 3, int gateway = 0, int? destination = null) =>
        new(gateway, Interlocked.Increment(ref _nextId), gateway, destination ?? gateway, SimulationTime.ToTicks(arrivalSeconds), kQua, kSec);

    public static SimulationOptions Options(SchemeKind scheme, long initial, long low = 0, long high = 0, int gateways = 1) => new()
    {
        Scheme = scheme,
        Gateways = gateways,
        InitialBits = initial,
        LowThresholdBits = low,
        HighThresholdBits = high,
    };

    public static SimulationResult Run(SimulationOptions options, params KeyRequest[] requests) =>
        new Simulator(options, new ListRequestSource(requests), TextWriter.Null).Run();

    public static SimulationResult RunPoisson(SimulationOptions options) => new Simulator(options, TextWriter.Null).Run();
}
