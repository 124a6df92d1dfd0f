namespace GatewayQkd.Simulation.Statistics;

/// <summary>The requests of one K_sec in a run: how many were served, their mean T_sum in seconds and their SR (share served at arrival).</summary>
/// <param name="SecurityLevel">K_sec.</param>
/// <param name="Requests">Requests of this level served.</param>
/// <param name="MeanDelay">Mean T_sum in seconds (eq. (10) over this level).</param>
/// <param name="SuccessRate">Share of this level's requests that did not wait.</param>
public sealed record LevelDelay(int SecurityLevel, long Requests, double MeanDelay, double SuccessRate);
