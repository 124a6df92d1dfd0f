namespace GatewayQkd.Emulation.CentralServer;

/// <summary>The gateways the central server streams keys to and the pool size it assumes until a gateway reports its own.</summary>
/// <param name="LinkKeys">Gateway id to its 32-byte link key (authenticates and wraps every frame of the pair).</param>
/// <param name="PoolCapacityBits">The scenario's pool capacity per gateway, in bits.</param>
public sealed record KeyStreamSettings(IReadOnlyDictionary<ushort, byte[]> LinkKeys, long PoolCapacityBits);
