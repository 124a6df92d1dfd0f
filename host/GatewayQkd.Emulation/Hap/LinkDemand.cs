namespace GatewayQkd.Emulation.Hap;

/// <summary>A supplement still to be served: the gateway and the key bits it still needs from the HAP.</summary>
/// <param name="GatewayId">The gateway that asked.</param>
/// <param name="BitsNeeded">Bits still to generate for it (positive).</param>
public readonly record struct LinkDemand(ushort GatewayId, double BitsNeeded);
