using GatewayQkd.Core.Pool;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Sensors;

/// <summary>A gateway-to-gateway key one end of a pair received, before it is used (tests keep their own ledger of these).</summary>
public sealed class PairKeyEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public PairKeyEventArgs(GatewayPair pair, ushort gatewayId, KeyRange range, byte[] key)
    {
        Pair = pair;
        GatewayId = gatewayId;
        Range = range ?? throw new ArgumentNullException(nameof(range));
        Key = key ?? throw new ArgumentNullException(nameof(key));
    }

    /// <summary>Gets the pair.</summary>
    public GatewayPair Pair { get; }

    /// <summary>Gets the gateway that served the key (<see cref="GatewayPair.Lower"/>: handed out; higher: fetched by id).</summary>
    public ushort GatewayId { get; }

    /// <summary>Gets the key id as that gateway names it (its peer is the other gateway).</summary>
    public KeyRange Range { get; }

    /// <summary>Gets a copy of the key bytes.</summary>
    public byte[] Key { get; }
}
