namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// The 12-byte header every frame starts with: version u8, type u8, sender u16, recipient u16, counter u32, body
    /// length u16 (big-endian). The tag covers it, so none of these can be changed in transit.
    /// </summary>
    public sealed class FrameHeader
    {
        /// <summary>Creates a header.</summary>
        public FrameHeader(FrameType type, ushort senderId, ushort recipientId, uint counter, int bodyLength)
        {
            Type = type;
            SenderId = senderId;
            RecipientId = recipientId;
            Counter = counter;
            BodyLength = bodyLength;
        }

        /// <summary>Gets the frame type.</summary>
        public FrameType Type { get; private set; }

        /// <summary>Gets the sending node's id (sensor id, gateway id, or 0 for the HAP/CS key authority).</summary>
        public ushort SenderId { get; private set; }

        /// <summary>Gets the node the frame is for.</summary>
        public ushort RecipientId { get; private set; }

        /// <summary>Gets the sender's monotonic frame counter (starts at 1; the replay guard needs it to grow).</summary>
        public uint Counter { get; private set; }

        /// <summary>Gets the body length in bytes.</summary>
        public int BodyLength { get; private set; }

        /// <summary>Writes the header fields.</summary>
        public void WriteTo(FrameWriter writer)
        {
            writer.WriteByte(FrameLimits.Version);
            writer.WriteByte((byte)Type);
            writer.WriteUInt16(SenderId);
            writer.WriteUInt16(RecipientId);
            writer.WriteUInt32(Counter);
            writer.WriteUInt16((ushort)BodyLength);
        }

        /// <summary>Reads a header, rejecting an unknown version or type.</summary>
        public static FrameHeader ReadFrom(FrameReader reader)
        {
            byte version = reader.ReadByte("version");
            if (version != FrameLimits.Version)
            {
                throw new FrameFormatException(
                    FrameStatus.UnsupportedVersion, "version: expected " + FrameLimits.Version.ToString() + ", got " + version.ToString() + ".");
            }

            byte type = reader.ReadByte("type");
            if (type < (byte)FrameType.KeyRequest || type > (byte)FrameType.SharedKeyRequest)
            {
                throw new FrameFormatException(FrameStatus.UnknownType, "type: expected 1..10, got " + type.ToString() + ".");
            }

            ushort sender = reader.ReadUInt16("sender id");
            ushort recipient = reader.ReadUInt16("recipient id");
            uint counter = reader.ReadUInt32("counter");
            ushort bodyLength = reader.ReadUInt16("body length");
            return new FrameHeader((FrameType)type, sender, recipient, counter, bodyLength);
        }
    }
}
