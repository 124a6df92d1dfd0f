namespace GatewayQkd.Emulation.Hap;

/// <summary>The HAP's settings from the scenario.</summary>
/// <param name="Terminals">Optical terminals, each serving one gateway at a time (at least 1).</param>
/// <param name="BlockBytes">Bytes per key block issued.</param>
/// <param name="SlotMilliseconds">The DDKA slot length, which orders supplements (DDKA eq. (2)).</param>
/// <param name="TradeOff">DDKA's trade-off weight W between quantity and security level.</param>
public sealed record HapParameters(int Terminals, int BlockBytes, long SlotMilliseconds, double TradeOff);
