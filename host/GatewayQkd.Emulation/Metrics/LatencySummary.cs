namespace GatewayQkd.Emulation.Metrics;

/// <summary>Latency percentiles in wall-clock milliseconds (NaN when nothing was measured).</summary>
/// <param name="Count">Number of measurements.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Largest value.</param>
public sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max);
