namespace GatewayQkd.Emulation.Scenario;

/// <summary>
/// The requests of one K_sec in one phase, from the emulation or the simulation: how many were sent (arrived) and
/// served, the mean and 90th-percentile request-to-key delay in emulated seconds, and SR, the share served at arrival.
/// </summary>
/// <param name="Phase">before, during or after.</param>
/// <param name="SecurityLevel">K_sec.</param>
/// <param name="Sent">Requests sent in the phase.</param>
/// <param name="Served">Of those, served by the end of the run.</param>
/// <param name="MeanDelaySeconds">Mean delay of the served ones (NaN for none).</param>
/// <param name="P90DelaySeconds">90th percentile of the delay (NaN for none, or when the source gives no percentiles).</param>
/// <param name="SuccessRate">Share of the served ones served at arrival.</param>
public sealed record PhaseLevelStats(string Phase, int SecurityLevel, long Sent, long Served, double MeanDelaySeconds, double P90DelaySeconds, double SuccessRate);
