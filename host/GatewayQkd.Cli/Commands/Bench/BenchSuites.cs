namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>The suites `bench` knows, by name.</summary>
internal static class BenchSuites
{
    public static IReadOnlyList<IBenchSuite> All { get; } = [new EmulationSuite(), new CapacitySuite(), new ChannelSuite(), new SimulationSuite(), new PoolSuite(), new WorkersSuite()];
}
