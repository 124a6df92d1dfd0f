using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>Encodes a body into a complete authenticated frame: header, body, HMAC-SHA256 tag over both.</summary>
    public sealed class FrameSealer
    {
        private readonly ICryptoPrimitives _crypto;

        /// <summary>Creates a sealer using <paramref name="crypto"/> for the tag.</summary>
        public FrameSealer(ICryptoPrimitives crypto)
        {
            if (crypto == null)
            {
                throw new System.ArgumentNullException("crypto");
            }

            _crypto = crypto;
        }

        /// <summary>Returns the frame bytes for <paramref name="body"/> from <paramref name="senderId"/> to <paramref name="recipientId"/>.</summary>
        /// <param name="body">The message.</param>
        /// <param name="senderId">This node's id.</param>
        /// <param name="recipientId">The receiving node's id.</param>
        /// <param name="counter">A counter never used before with these keys (from a <see cref="SendCounter"/>), at least 1.</param>
        /// <param name="keys">The working keys shared with the recipient.</param>
        public byte[] Seal(FrameBody body, ushort senderId, ushort recipientId, uint counter, FrameKeys keys)
        {
            if (body == null || keys == null)
            {
                throw new System.ArgumentNullException(body == null ? "body" : "keys");
            }

            if (counter == 0)
            {
                throw new System.ArgumentOutOfRangeException("counter", "Frame counters start at 1.");
            }

            int bodyLength = body.BodyLength;
            if (bodyLength > FrameBodyParser.MaxBodyLength(body.Type))
            {
                throw new System.ArgumentException("The body is larger than its frame type allows.", "body");
            }

            FrameWriter writer = new FrameWriter(FrameLimits.HeaderLength + bodyLength + FrameLimits.TagLength);
            new FrameHeader(body.Type, senderId, recipientId, counter, bodyLength).WriteTo(writer);
            body.WriteTo(writer);
            if (writer.Position != FrameLimits.HeaderLength + bodyLength)
            {
                throw new System.InvalidOperationException("The body wrote a different length than it declared.");
            }

            byte[] tag = _crypto.HmacSha256(keys.AuthKey, writer.Buffer, 0, writer.Position);
            writer.WriteBytes(tag, 0, FrameLimits.TagLength);
            return writer.Buffer;
        }
    }
}
