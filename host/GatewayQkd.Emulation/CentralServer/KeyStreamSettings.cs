namespace GatewayQkd.Emulation.CentralServer;

/// <summary>The gateways the central server streams keys to and the pool size it assumes until a gateway reports its own.</summary>
/// <param name="LinkKeys">Gateway id to its 32-byte link key (authenticates and wraps every frame of the pair).</param>
/// <param name="PoolCapacityBits">The scenario's pool capacity per gateway, in bits.</param>
/// <param name="Pairs">Gateway pairs whose gateway-to-gateway streams the HAP relays (none by default).</param>
/// <param name="PairCapacityBits">The most bits one pair stream may hold on each of its gateways.</param>
/// <param name="Etsi014ReserveBytes">The ETSI GS QKD 014 reservation kept per gateway, in bytes (0 = none): while a
/// gateway's reservation holds less unused key, new blocks are set aside for it instead of pushed (docs/kms.md).</param>
public sealed record KeyStreamSettings(IReadOnlyDictionary<ushort, byte[]> LinkKeys, long PoolCapacityBits, IReadOnlyList<Options.GatewayPair>? Pairs = null, long PairCapacityBits = 0, long Etsi014ReserveBytes = 0);
