namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Gateway to HAP/CS: a DDKA key supplement request (paper s3.4): the pool level K_sur of one peer's pool, the
    /// demand waiting on it, how much the gateway asks for, and what weighs it at the HAP: the K_qua and K_sec that
    /// enter est (eq. (2)) and est itself. Body: peer u16, reason u8, available bits u32, pending demand bits u32,
    /// requested bits u32, weight K_qua bits u32, weight K_sec u8, est x 10^6 u32 = 24 bytes.
    /// </summary>
    public sealed class SupplementMessage : FrameBody
    {
        /// <summary>The encoded body size.</summary>
        public const int Length = 24;

        /// <summary>Fixed-point scale of est on the wire (est is below 22 for any K_qua up to 2^31 bits).</summary>
        public const double WeightScale = 1000000.0;

        /// <summary>Reason code: the level fell below K_threshold_low (DDKA eq. (6)).</summary>
        public const int ReasonBelowLowThreshold = 1;

        /// <summary>Reason code: queued requests need more than the pool holds (DDKA s3.3 case 2).</summary>
        public const int ReasonInsufficientKeys = 2;

        /// <summary>Creates a request; the reason is 1 or 2, K_sec 0..5, K_qua positive and 0 &lt;= est &lt; 4294.</summary>
        public SupplementMessage(ushort peerId, int reason, uint availableBits, uint pendingDemandBits, uint requestedBits,
            uint weightQuantityBits, int weightSecurityLevel, double weight)
        {
            FieldCheck.InRange("reason", reason, ReasonBelowLowThreshold, ReasonInsufficientKeys);
            FieldCheck.InRange("weight K_qua bits", weightQuantityBits, 1, uint.MaxValue);
            FieldCheck.InRange("weight K_sec", weightSecurityLevel, 0, FrameLimits.MaxSecurityLevel);
            if (!(weight >= 0.0 && weight < 4294.0))
            {
                throw new FrameFormatException(FrameStatus.MalformedBody, "est weight: expected 0..4294, got " + weight.ToString() + ".");
            }

            PeerId = peerId;
            Reason = reason;
            AvailableBits = availableBits;
            PendingDemandBits = pendingDemandBits;
            RequestedBits = requestedBits;
            WeightQuantityBits = weightQuantityBits;
            WeightSecurityLevel = weightSecurityLevel;
            WeightMicros = (uint)System.Math.Round(weight * WeightScale);
        }

        /// <summary>Gets the peer whose pool needs key.</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets why the supplement is asked for (<see cref="ReasonBelowLowThreshold"/> or <see cref="ReasonInsufficientKeys"/>).</summary>
        public int Reason { get; private set; }

        /// <summary>Gets the pool level K_sur in bits.</summary>
        public uint AvailableBits { get; private set; }

        /// <summary>Gets the bits the queued requests for this peer need.</summary>
        public uint PendingDemandBits { get; private set; }

        /// <summary>Gets the bits requested (to reach K_threshold_high, or the demand if larger, within capacity).</summary>
        public uint RequestedBits { get; private set; }

        /// <summary>Gets the K_qua in bits that enters est.</summary>
        public uint WeightQuantityBits { get; private set; }

        /// <summary>Gets the K_sec that enters est.</summary>
        public int WeightSecurityLevel { get; private set; }

        /// <summary>Gets est as sent, in millionths.</summary>
        public uint WeightMicros { get; private set; }

        /// <summary>Gets est (DDKA eq. (2)) at wire precision.</summary>
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
            writer.WriteByte((byte)Reason);
            writer.WriteUInt32(AvailableBits);
            writer.WriteUInt32(PendingDemandBits);
            writer.WriteUInt32(RequestedBits);
            writer.WriteUInt32(WeightQuantityBits);
            writer.WriteByte((byte)WeightSecurityLevel);
            writer.WriteUInt32(WeightMicros);
        }

        /// <summary>Reads and range-checks a body.</summary>
        public static SupplementMessage ReadFrom(FrameReader reader)
        {
            ushort peer = reader.ReadUInt16("peer");
            byte reason = reader.ReadByte("reason");
            uint available = reader.ReadUInt32("available bits");
            uint demand = reader.ReadUInt32("pending demand bits");
            uint requested = reader.ReadUInt32("requested bits");
            uint weightBits = reader.ReadUInt32("weight K_qua bits");
            byte weightLevel = reader.ReadByte("weight K_sec");
            uint micros = reader.ReadUInt32("est weight");
            return new SupplementMessage(peer, reason, available, demand, requested, weightBits, weightLevel, micros / WeightScale);
        }
    }
}
