namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Gateway to HAP/CS: the outcome for one delivered block and the pool level after it. Body: peer u16, block id u32,
    /// result u8, next expected block id u32, available bits u32 = 15 bytes.
    /// </summary>
    public sealed class BlockAckMessage : FrameBody
    {
        /// <summary>The encoded body size.</summary>
        public const int Length = 15;

        /// <summary>Creates an acknowledgement.</summary>
        public BlockAckMessage(ushort peerId, uint blockId, BlockAckResult result, uint nextBlockId, uint availableBits)
        {
            FieldCheck.InRange("ack result", (int)result, (int)BlockAckResult.Stored, (int)BlockAckResult.Invalid);
            PeerId = peerId;
            BlockId = blockId;
            Result = result;
            NextBlockId = nextBlockId;
            AvailableBits = availableBits;
        }

        /// <summary>Gets the peer of the acknowledged block.</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets the acknowledged block id.</summary>
        public uint BlockId { get; private set; }

        /// <summary>Gets what the gateway did with it.</summary>
        public BlockAckResult Result { get; private set; }

        /// <summary>Gets the block id the gateway expects next on that stream.</summary>
        public uint NextBlockId { get; private set; }

        /// <summary>Gets the unissued key bits of that peer's pool after the block.</summary>
        public uint AvailableBits { get; private set; }

        /// <inheritdoc />
        public override FrameType Type
        {
            get { return FrameType.BlockAck; }
        }

        /// <inheritdoc />
        public override int BodyLength
        {
            get { return Length; }
        }

        /// <inheritdoc />
        public override void WriteTo(FrameWriter writer)
        {
            writer.WriteUInt16(PeerId);
            writer.WriteUInt32(BlockId);
            writer.WriteByte((byte)Result);
            writer.WriteUInt32(NextBlockId);
            writer.WriteUInt32(AvailableBits);
        }

        /// <summary>Reads and range-checks a body.</summary>
        public static BlockAckMessage ReadFrom(FrameReader reader)
        {
            ushort peer = reader.ReadUInt16("peer");
            uint blockId = reader.ReadUInt32("block id");
            byte result = reader.ReadByte("ack result");
            uint next = reader.ReadUInt32("next block id");
            uint available = reader.ReadUInt32("available bits");
            FieldCheck.InRange("ack result", result, (int)BlockAckResult.Stored, (int)BlockAckResult.Invalid);
            return new BlockAckMessage(peer, blockId, (BlockAckResult)result, next, available);
        }
    }
}
