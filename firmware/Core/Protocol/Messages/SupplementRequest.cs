namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Gateway to HAP/CS: a DDKA key supplement request (paper s3.4): the pool level K_sur of one peer's pool, the demand
    /// waiting on it, how much the gateway asks for, and the response weight est (eq. (2)) by which the HAP orders
    /// supplement requests that arrive together. Body: peer u16, available bits u32, pending demand bits u32,
    /// requested bits u32, K_sec u8, est x 10^6 u32 = 19 bytes.
    /// </summary>
    public sealed class SupplementRequest : FrameBody
    {
        /// <summary>The encoded body size.</summary>
        public const int Length = 19;

        /// <summary>Fixed-point scale of the weight on the wire (est is in [0, ~12] for K_qua up to 2^16 bits).</summary>
        public const double WeightScale = 1000000.0;

        /// <summary>Creates a request; the weight must be 0 &lt;= est &lt; 4294.</summary>
        public SupplementRequest(ushort peerId, uint availableBits, uint pendingDemandBits, uint requestedBits, int securityLevel, double weight)
        {
            FieldCheck.InRange("K_sec", securityLevel, 0, FrameLimits.MaxSecurityLevel);
            if (!(weight >= 0.0 && weight < 4294.0))
            {
                throw new FrameFormatException(FrameStatus.MalformedBody, "est weight: expected 0..4294, got " + weight.ToString() + ".");
            }

            PeerId = peerId;
            AvailableBits = availableBits;
            PendingDemandBits = pendingDemandBits;
            RequestedBits = requestedBits;
            SecurityLevel = securityLevel;
            WeightMicros = (uint)System.Math.Round(weight * WeightScale);
        }

        /// <summary>Gets the peer whose pool needs key.</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets the pool level K_sur in bits.</summary>
        public uint AvailableBits { get; private set; }

        /// <summary>Gets the bits the queued requests for this peer still need.</summary>
        public uint PendingDemandBits { get; private set; }

        /// <summary>Gets the bits requested (enough for the demand and to reach K_threshold_high).</summary>
        public uint RequestedBits { get; private set; }

        /// <summary>Gets the highest K_sec among the waiting requests.</summary>
        public int SecurityLevel { get; private set; }

        /// <summary>Gets the weight est as sent, in millionths.</summary>
        public uint WeightMicros { get; private set; }

        /// <summary>Gets the weight est (DDKA eq. (2)) at wire precision.</summary>
        public double Weight
        {
            get { return WeightMicros / WeightScale; }
        }

        /// <inheritdoc />
        public override FrameType Type
        {
            get { return FrameType.SupplementRequest; }
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
            writer.WriteUInt32(AvailableBits);
            writer.WriteUInt32(PendingDemandBits);
            writer.WriteUInt32(RequestedBits);
            writer.WriteByte((byte)SecurityLevel);
            writer.WriteUInt32(WeightMicros);
        }

        /// <summary>Reads and range-checks a body.</summary>
        public static SupplementRequest ReadFrom(FrameReader reader)
        {
            ushort peer = reader.ReadUInt16("peer");
            uint available = reader.ReadUInt32("available bits");
            uint demand = reader.ReadUInt32("pending demand bits");
            uint requested = reader.ReadUInt32("requested bits");
            byte level = reader.ReadByte("K_sec");
            uint micros = reader.ReadUInt32("est weight");
            return new SupplementRequest(peer, available, demand, requested, level, micros / WeightScale);
        }
    }
}
