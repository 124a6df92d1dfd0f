namespace GatewayQkd.Emulation.Metrics;

/// <summary>The whole run at one sampling instant: times, gateways and counters.</summary>
/// <param name="WallSeconds">Wall-clock seconds since the start.</param>
/// <param name="EmulatedSeconds">Emulated seconds since the start.</param>
/// <param name="Gateways">Each gateway's sample, by id.</param>
/// <param name="Counters">The counters at this instant.</param>
public sealed record RunSnapshot(double WallSeconds, double EmulatedSeconds, IReadOnlyList<GatewaySample> Gateways, IReadOnlyList<KeyValuePair<string, long>> Counters);
