namespace GatewayQkd.Emulation.Metrics;

/// <summary>One gateway's state at a sampling instant (time series row and live view line).</summary>
/// <param name="GatewayId">The gateway.</param>
/// <param name="PoolBits">Key bits in its central-server pool (as last reported by the gateway).</param>
/// <param name="KeyRateBitsPerSecond">Its link's secret key rate now (the channel's SKR at full link time: what the link could give, not what was delivered).</param>
/// <param name="Qber">Its link's QBER now (NaN when the model has none).</param>
/// <param name="LinkShare">Fraction of the emulated time since the previous sample that the HAP spent on its link.</param>
/// <param name="DeliveredBits">Key bits it acknowledged so far.</param>
/// <param name="RequestsServed">Its requests served so far.</param>
/// <param name="RequestsWaiting">Its requests waiting now.</param>
/// <param name="Online">Whether it is connected and running.</param>
/// <param name="DeliveredBitsPerSecond">Key bits it acknowledged per emulated second since the previous sample (the delivered key rate).</param>
public sealed record GatewaySample(
    ushort GatewayId,
    long PoolBits,
    double KeyRateBitsPerSecond,
    double Qber,
    double LinkShare,
    long DeliveredBits,
    long RequestsServed,
    int RequestsWaiting,
    bool Online,
    double DeliveredBitsPerSecond = 0);
