namespace GatewayQkd.Emulation.Sensors;

/// <summary>A key request a sensor sent and is waiting on: its level and the wall-clock time it was sent.</summary>
/// <param name="SecurityLevel">K_sec of the request.</param>
/// <param name="SentTicks">Stopwatch timestamp of the send.</param>
internal readonly record struct PendingRequest(int SecurityLevel, long SentTicks);
