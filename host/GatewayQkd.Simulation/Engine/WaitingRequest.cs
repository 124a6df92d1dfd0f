namespace GatewayQkd.Simulation.Engine;

/// <summary>A key request waiting at its gateway: its order key, K_qua, K_sec and the run's serial number (identity).</summary>
internal readonly record struct WaitingRequest(OrderKey Key, int KQuaBits, int KSec, long Serial) : IOrdered;
