namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Sensor to gateway: "give me the key sensor <see cref="PeerSensor"/> at gateway <see cref="PeerGateway"/> obtained,
    /// key id (peer gateway, <see cref="Offset"/>, <see cref="LengthBytes"/>)": the receiving end of a gateway-to-gateway
    /// key (DDKA paper s3.5 scenarios (b)/(c), T1 under G1 talking to T2 under G2). The initiating sensor got the key
    /// with an ordinary <see cref="KeyRequestMessage"/> whose destination is this gateway, from the pair's stream on its
    /// gateway; it tells the key id to this sensor with its message, and this sensor fetches the same range from the
    /// same stream here (the HAP relayed it, <see cref="KeyRelayMessage"/>), as ETSI GS QKD 014's slave SAE calls
    /// dec_keys with the key ids the master got from enc_keys.
    /// Body: request id u32, peer gateway u16, peer sensor u16, K_sec u8, key offset u32, key length u16 (bytes) = 15 bytes.
    /// </summary>
    public sealed class SharedKeyRequestMessage : FrameBody
    {
        /// <summary>The encoded body size.</summary>
        public const int Length = 15;

        /// <summary>Creates a request; K_sec must be 1..5 and the key 1..<see cref="FrameLimits.MaxKeyBytes"/> bytes inside the 32-bit stream.</summary>
        public SharedKeyRequestMessage(uint requestId, ushort peerGateway, ushort peerSensor, int securityLevel, uint offset, int lengthBytes)
        {
            FieldCheck.InRange("K_sec", securityLevel, 1, FrameLimits.MaxSecurityLevel);
            FieldCheck.InRange("key length", lengthBytes, 1, FrameLimits.MaxKeyBytes);
            FieldCheck.InKeyStream("key", offset, lengthBytes);
            RequestId = requestId;
            PeerGateway = peerGateway;
            PeerSensor = peerSensor;
            SecurityLevel = securityLevel;
            Offset = offset;
            LengthBytes = lengthBytes;
        }

        /// <summary>Gets the sensor's id for this request, echoed in the response.</summary>
        public uint RequestId { get; private set; }

        /// <summary>Gets the gateway of the sensor that obtained the key (the other end of the pair stream).</summary>
        public ushort PeerGateway { get; private set; }

        /// <summary>Gets the sensor that obtained the key.</summary>
        public ushort PeerSensor { get; private set; }

        /// <summary>Gets the key's security level K_sec, 1..5.</summary>
        public int SecurityLevel { get; private set; }

        /// <summary>Gets the key's stream offset.</summary>
        public uint Offset { get; private set; }

        /// <summary>Gets the key's length in bytes.</summary>
        public int LengthBytes { get; private set; }

        /// <inheritdoc />
        public override FrameType Type
        {
            get { return FrameType.SharedKeyRequest; }
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
            writer.WriteUInt16(PeerGateway);
            writer.WriteUInt16(PeerSensor);
            writer.WriteByte((byte)SecurityLevel);
            writer.WriteUInt32(Offset);
            writer.WriteUInt16((ushort)LengthBytes);
        }

        /// <summary>Reads and range-checks a body.</summary>
        public static SharedKeyRequestMessage ReadFrom(FrameReader reader)
        {
            uint requestId = reader.ReadUInt32("request id");
            ushort gateway = reader.ReadUInt16("peer gateway");
            ushort sensor = reader.ReadUInt16("peer sensor");
            byte level = reader.ReadByte("K_sec");
            uint offset = reader.ReadUInt32("key offset");
            ushort length = reader.ReadUInt16("key length");
            return new SharedKeyRequestMessage(requestId, gateway, sensor, level, offset, length);
        }
    }
}
