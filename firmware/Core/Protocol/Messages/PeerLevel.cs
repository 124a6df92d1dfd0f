namespace GatewayQkd.Core.Protocol
{
    /// <summary>One pool's level in a status frame: peer u16, available bits u32, capacity bits u32 (10 bytes).</summary>
    public sealed class PeerLevel
    {
        /// <summary>The encoded size.</summary>
        public const int Length = 10;

        /// <summary>Creates a level entry.</summary>
        public PeerLevel(ushort peerId, uint availableBits, uint capacityBits)
        {
            PeerId = peerId;
            AvailableBits = availableBits;
            CapacityBits = capacityBits;
        }

        /// <summary>Gets the peer of the pool.</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets the unissued key bits (K_sur).</summary>
        public uint AvailableBits { get; private set; }

        /// <summary>Gets the pool's capacity in bits.</summary>
        public uint CapacityBits { get; private set; }
    }
}
