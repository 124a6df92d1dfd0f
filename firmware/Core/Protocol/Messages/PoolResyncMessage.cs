namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Gateway to HAP/CS: what the gateway holds of one peer's stream, so the authority can send again what is missing
    /// and stop sending what is not (docs/protocol.md s2.7, the resynchronisation). Body: peer u16, next block id u32,
    /// stream end u32, consumed end u32, lost bits u32, hole count h u8 (0..16), h x (first missing block id u32, end
    /// block id u32: one past the last missing id) = 19 + 8 h bytes. Sent after start-up recovery and, at most once a
    /// slot, while the pool has holes or has refused a block as out of order.
    /// </summary>
    public sealed class PoolResyncMessage : FrameBody
    {
        /// <summary>The body size without holes.</summary>
        public const int BaseLength = 19;

        /// <summary>The size of one hole entry.</summary>
        public const int HoleLength = 8;

        /// <summary>The most holes one message lists (a pool has at most 24 block files, so at most 24 holes; the first 16 are what matters next).</summary>
        public const int MaxHoles = 16;

        /// <summary>Creates a resynchronisation report; <paramref name="holeFirstIds"/> and <paramref name="holeEndIds"/> pair up.</summary>
        public PoolResyncMessage(ushort peerId, uint nextBlockId, uint streamEnd, uint consumedEnd, uint lostBits, uint[] holeFirstIds, uint[] holeEndIds)
        {
            if (holeFirstIds == null || holeEndIds == null || holeFirstIds.Length != holeEndIds.Length)
            {
                throw new System.ArgumentException("Every hole needs a first and an end block id.", "holeFirstIds");
            }

            FieldCheck.InRange("hole count", holeFirstIds.Length, 0, MaxHoles);
            FieldCheck.InRange("consumed end", consumedEnd, 0, streamEnd);
            uint previous = 0;
            for (int i = 0; i < holeFirstIds.Length; i++)
            {
                // Holes are listed in stream order, each non-empty, all below the next block id.
                FieldCheck.InRange("hole first id", holeFirstIds[i], previous, (long)nextBlockId - 1);
                FieldCheck.InRange("hole end id", holeEndIds[i], (long)holeFirstIds[i] + 1, nextBlockId);
                previous = holeEndIds[i];
            }

            PeerId = peerId;
            NextBlockId = nextBlockId;
            StreamEnd = streamEnd;
            ConsumedEnd = consumedEnd;
            LostBits = lostBits;
            HoleFirstIds = holeFirstIds;
            HoleEndIds = holeEndIds;
        }

        /// <summary>Gets the peer whose stream this describes (0 = the central server).</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets the block id the gateway expects next: every block from here on is to be sent (again).</summary>
        public uint NextBlockId { get; private set; }

        /// <summary>Gets the stream offset the next block must start at.</summary>
        public uint StreamEnd { get; private set; }

        /// <summary>Gets the first stream byte not consumed: nothing below it will ever be accepted or issued again.</summary>
        public uint ConsumedEnd { get; private set; }

        /// <summary>Gets the bits of this stream the gateway counted lost over its life (corrupt files, restarts), capped at 2^32 - 1.</summary>
        public uint LostBits { get; private set; }

        /// <summary>Gets the first missing block id of each hole.</summary>
        public uint[] HoleFirstIds { get; private set; }

        /// <summary>Gets one past the last missing block id of each hole.</summary>
        public uint[] HoleEndIds { get; private set; }

        /// <inheritdoc />
        public override FrameType Type
        {
            get { return FrameType.PoolResync; }
        }

        /// <inheritdoc />
        public override int BodyLength
        {
            get { return BaseLength + (HoleLength * HoleFirstIds.Length); }
        }

        /// <summary>Returns true when block <paramref name="blockId"/> lies in one of the holes.</summary>
        public bool IsMissing(uint blockId)
        {
            for (int i = 0; i < HoleFirstIds.Length; i++)
            {
                if (blockId >= HoleFirstIds[i] && blockId < HoleEndIds[i])
                {
                    return true;
                }
            }

            return false;
        }

        /// <inheritdoc />
        public override void WriteTo(FrameWriter writer)
        {
            writer.WriteUInt16(PeerId);
            writer.WriteUInt32(NextBlockId);
            writer.WriteUInt32(StreamEnd);
            writer.WriteUInt32(ConsumedEnd);
            writer.WriteUInt32(LostBits);
            writer.WriteByte((byte)HoleFirstIds.Length);
            for (int i = 0; i < HoleFirstIds.Length; i++)
            {
                writer.WriteUInt32(HoleFirstIds[i]);
                writer.WriteUInt32(HoleEndIds[i]);
            }
        }

        /// <summary>Reads and range-checks a body.</summary>
        public static PoolResyncMessage ReadFrom(FrameReader reader)
        {
            ushort peer = reader.ReadUInt16("peer");
            uint next = reader.ReadUInt32("next block id");
            uint streamEnd = reader.ReadUInt32("stream end");
            uint consumedEnd = reader.ReadUInt32("consumed end");
            uint lost = reader.ReadUInt32("lost bits");
            int count = reader.ReadByte("hole count");
            FieldCheck.InRange("hole count", count, 0, MaxHoles);
            uint[] first = new uint[count];
            uint[] end = new uint[count];
            for (int i = 0; i < count; i++)
            {
                first[i] = reader.ReadUInt32("hole first id");
                end[i] = reader.ReadUInt32("hole end id");
            }

            return new PoolResyncMessage(peer, next, streamEnd, consumedEnd, lost, first, end);
        }
    }
}
