namespace GatewayQkd.Emulation.Metrics;

/// <summary>
/// One sensor key request as the run saw it, in emulated seconds: when it was sent, whether the gateway first
/// answered "waiting" (so it was not served on arrival, the simulator's SR counts it as waiting), and when it was
/// served or refused (NaN while open).
/// </summary>
/// <param name="GatewayId">The gateway asked.</param>
/// <param name="SensorId">The sensor that asked.</param>
/// <param name="SecurityLevel">K_sec of the request.</param>
/// <param name="SentSeconds">Emulated time the request was sent.</param>
/// <param name="Waited">Whether the gateway answered "waiting" before serving it.</param>
/// <param name="ServedSeconds">Emulated time the key arrived, or NaN.</param>
/// <param name="RefusedSeconds">Emulated time the gateway refused it (queue full, deadline passed), or NaN.</param>
/// <param name="ServedOrder">The run's count of served requests when this one was served (1 = first; 0 = not served): the order keys went out, which equal times cannot show.</param>
public sealed record RequestRecord(ushort GatewayId, ushort SensorId, int SecurityLevel, double SentSeconds, bool Waited, double ServedSeconds, double RefusedSeconds, long ServedOrder = 0)
{
    /// <summary>Gets a value indicating whether the gateway refused the request.</summary>
    public bool Refused => !double.IsNaN(RefusedSeconds);

    /// <summary>Gets a value indicating whether the key arrived.</summary>
    public bool Served => !double.IsNaN(ServedSeconds);

    /// <summary>Gets the request-to-key delay in emulated seconds (NaN unless served).</summary>
    public double DelaySeconds => ServedSeconds - SentSeconds;

    /// <summary>Returns whether the request was open (sent, not yet served or refused) at a time.</summary>
    public bool OpenAt(double seconds) => SentSeconds <= seconds && !(ServedSeconds <= seconds) && !(RefusedSeconds <= seconds);
}
