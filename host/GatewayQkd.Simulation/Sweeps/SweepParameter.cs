namespace GatewayQkd.Simulation.Sweeps;

/// <summary>An option a sweep varies; <see cref="SweepParameters"/> parses the CLI names and applies values.</summary>
public enum SweepParameter
{
    Load,
    ThresholdLow,
    ThresholdHigh,
    Initial,
    TradeOff,
    Gateways,
    VGen,
    HapChannels,
}
