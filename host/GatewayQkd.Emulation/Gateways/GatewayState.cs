namespace GatewayQkd.Emulation.Gateways;

/// <summary>An emulated gateway's state read under its lock.</summary>
/// <param name="AvailableBits">Key bits available in its pool.</param>
/// <param name="QueueLength">Requests queued.</param>
/// <param name="Counters">Its event counters, indexed by the core's GatewayCounter.</param>
public sealed record GatewayState(long AvailableBits, int QueueLength, uint[] Counters);
