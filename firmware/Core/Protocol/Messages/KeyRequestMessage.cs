namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Sensor to gateway: "give me K_qua bits at security level K_sec for talking to peer <see cref="Destination"/>"
    /// (paper s3.5, K_Request = (K_qua, K_sec, T1, T2, G1, G2); T1 and G1 are the frame's sender and recipient).
    /// Body: request id u32, destination u16, K_sec u8, K_qua bits u16 = 9 bytes.
    /// </summary>
    public sealed class KeyRequestMessage : FrameBody
    {
        /// <summary>The encoded body size.</summary>
        public const int Length = 9;

        /// <summary>Creates a request; K_sec must be 0..5 and K_qua a positive multiple of 8 up to <see cref="FrameLimits.MaxKeyBytes"/> bytes.</summary>
        public KeyRequestMessage(uint requestId, ushort destination, int kSec, int kQuaBits)
        {
            FieldCheck.InRange("K_sec", kSec, 0, FrameLimits.MaxSecurityLevel);
            FieldCheck.InRange("K_qua bits", kQuaBits, 8, FrameLimits.MaxKeyBytes * 8);
            if (kQuaBits % 8 != 0)
            {
                throw new FrameFormatException(FrameStatus.MalformedBody, "K_qua bits: expected a multiple of 8, got " + kQuaBits.ToString() + ".");
            }

            RequestId = requestId;
            Destination = destination;
            KSec = kSec;
            KQuaBits = kQuaBits;
        }

        /// <summary>Gets the sensor's id for this request, echoed in the response (an idempotency token).</summary>
        public uint RequestId { get; private set; }

        /// <summary>Gets the peer whose key stream the key is drawn from (0 = central server).</summary>
        public ushort Destination { get; private set; }

        /// <summary>Gets the security requirement K_sec, 0..5.</summary>
        public int KSec { get; private set; }

        /// <summary>Gets the quantity requirement K_qua in bits (a whole number of bytes).</summary>
        public int KQuaBits { get; private set; }

        /// <inheritdoc />
        public override FrameType Type
        {
            get { return FrameType.KeyRequest; }
        }

        /// <inheritdoc />
        public override int BodyLength
        {
            get { return Length; }
        }

        /// <inheritdoc />
        public override void WriteTo(FrameWriter writer)
        {
            writer.WriteUInt32(RequestId);
            writer.WriteUInt16(Destination);
            writer.WriteByte((byte)KSec);
            writer.WriteUInt16((ushort)KQuaBits);
        }

        /// <summary>Reads and range-checks a body.</summary>
        public static KeyRequestMessage ReadFrom(FrameReader reader)
        {
            uint requestId = reader.ReadUInt32("request id");
            ushort destination = reader.ReadUInt16("destination");
            byte level = reader.ReadByte("K_sec");
            ushort bits = reader.ReadUInt16("K_qua bits");
            return new KeyRequestMessage(requestId, destination, level, bits);
        }
    }
}
