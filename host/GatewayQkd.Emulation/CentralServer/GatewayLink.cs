using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// What the HAP/CS knows about one gateway: the core's <see cref="AuthorityLink"/> (seals blocks, opens the gateway's
/// frames), the blocks in flight to it, and its pool as last reported (block acknowledgements and status frames carry
/// the level). Guarded by the central server's lock.
/// </summary>
internal sealed class GatewayLink
{
    public GatewayLink(AuthorityLink authority, long capacityBits)
    {
        Authority = authority;
        CapacityBits = capacityBits;
    }

    public ushort GatewayId => Authority.GatewayId;

    public AuthorityLink Authority { get; }

    /// <summary>Gets or sets the pool capacity (from status frames once one arrived, else the scenario's value).</summary>
    public long CapacityBits { get; set; }

    /// <summary>Gets or sets the pool level the gateway last reported.</summary>
    public long ReportedAvailableBits { get; set; }

    /// <summary>Gets or sets the request queue length the gateway last reported.</summary>
    public int ReportedQueueLength { get; set; }

    /// <summary>Gets or sets the key bits the gateway reported lost at restarts (status counter KeyBytesLost x 8).</summary>
    public long ReportedLostBits { get; set; }

    /// <summary>Gets or sets the wall-clock stopwatch timestamp of the last accepted frame from the gateway (0 = never).</summary>
    public long LastHeardTicks { get; set; }

    /// <summary>Gets the blocks pushed and not acknowledged, by block id.</summary>
    public SortedDictionary<uint, InFlightBlock> InFlight { get; } = [];

    /// <summary>Gets the key bits acknowledged so far in this run.</summary>
    public long DeliveredBits { get; set; }

    /// <summary>Gets the blocks of gateway-to-gateway streams pushed or relayed and not acknowledged, by (other gateway, block id); each as stored (peer = the pair's higher id).</summary>
    public Dictionary<(ushort Peer, uint BlockId), InFlightBlock> PairInFlight { get; } = [];

    /// <summary>Gets the level of each gateway-to-gateway stream (other gateway to bits) as last reported.</summary>
    public Dictionary<ushort, long> PairLevels { get; } = [];

    // InFlightBits and RoomBits loop instead of LINQ: the HAP reads every gateway's room twice per 20 ms step under the
    // key streams' lock, and at 1,000 gateways the Sum calls' boxed enumerators and delegates were 100,000 a second.

    /// <summary>Gets the bits in flight, on every stream.</summary>
    public long InFlightBits
    {
        get
        {
            long bits = 0;
            if (InFlight.Count > 0) // enumerating a SortedDictionary allocates its stack even when it is empty
            {
                foreach (var item in InFlight.Values)
                {
                    bits += item.Block.Bits;
                }
            }

            foreach (var item in PairInFlight.Values)
            {
                bits += item.Block.Bits;
            }

            return bits;
        }
    }

    /// <summary>Gets the room the HAP may still fill: capacity minus reported levels minus bits in flight.</summary>
    public long RoomBits
    {
        get
        {
            long levels = 0;
            foreach (var level in PairLevels.Values)
            {
                levels += level;
            }

            return CapacityBits - ReportedAvailableBits - levels - InFlightBits;
        }
    }

    /// <summary>Returns the room the stream with <paramref name="peer"/> has below <paramref name="capacityBits"/>: its level and its bits in flight deducted.</summary>
    public long PairRoomBits(ushort peer, long capacityBits) =>
        capacityBits - PairLevels.GetValueOrDefault(peer) - PairInFlight.Where(p => p.Key.Peer == peer).Sum(p => (long)p.Value.Block.Bits);
}
