namespace GatewayQkd.Simulation.Workload;

/// <summary>
/// One gateway's request stream for <see cref="MixedRequestSource"/>: Poisson arrivals with this mean gap, K_sec drawn
/// uniformly from the levels (repeat a level to weight it), K_qua in bits by K_sec.
/// </summary>
/// <param name="MeanIntervalSeconds">Mean time between two requests of the gateway (all its sensors together), seconds.</param>
/// <param name="SecurityLevels">The K_sec levels drawn from.</param>
public sealed record GatewayTraffic(double MeanIntervalSeconds, IReadOnlyList<int> SecurityLevels);
