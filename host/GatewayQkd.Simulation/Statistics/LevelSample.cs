namespace GatewayQkd.Simulation.Statistics;

/// <summary>Pool levels at one instant: the mean over all gateways and the first few gateways' own levels (bits).</summary>
public sealed record LevelSample(double TimeSeconds, double MeanBits, IReadOnlyList<double> FirstGatewaysBits);
