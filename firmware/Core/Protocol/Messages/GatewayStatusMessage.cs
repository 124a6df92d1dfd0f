namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Gateway to HAP/CS (and monitors): a snapshot of the gateway. Body: clock ms u64, indicator state u8, queue
    /// length u16, peer count u8, peer count x <see cref="PeerLevel"/>, counter count u8, counter count x u32 (the
    /// order of counters is <see cref="GatewayQkd.Core.Gateway.GatewayCounter"/>'s, so old readers ignore none and new
    /// counters append).
    /// </summary>
    public sealed class GatewayStatusMessage : FrameBody
    {
        /// <summary>Body size with no peers and no counters.</summary>
        public const int BaseLength = 13;

        /// <summary>Creates a status; at most <see cref="FrameLimits.MaxStatusPeers"/> peers and <see cref="FrameLimits.MaxStatusCounters"/> counters.</summary>
        public GatewayStatusMessage(long clockMilliseconds, int state, int queueLength, PeerLevel[] levels, uint[] counters)
        {
            FieldCheck.InRange("clock ms", clockMilliseconds, 0, long.MaxValue);
            FieldCheck.InRange("state", state, 0, 255);
            FieldCheck.InRange("queue length", queueLength, 0, 65535);
            FieldCheck.InRange("peer count", levels == null ? -1 : levels.Length, 0, FrameLimits.MaxStatusPeers);
            FieldCheck.InRange("counter count", counters == null ? -1 : counters.Length, 0, FrameLimits.MaxStatusCounters);
            ClockMilliseconds = clockMilliseconds;
            State = state;
            QueueLength = queueLength;
            Levels = levels;
            Counters = counters;
        }

        /// <summary>Gets the gateway's clock when the status was taken.</summary>
        public long ClockMilliseconds { get; private set; }

        /// <summary>Gets the indicator state (<see cref="GatewayQkd.Core.Ports.IndicatorState"/> as a number).</summary>
        public int State { get; private set; }

        /// <summary>Gets the number of queued key requests.</summary>
        public int QueueLength { get; private set; }

        /// <summary>Gets the pool levels, one per peer.</summary>
        public PeerLevel[] Levels { get; private set; }

        /// <summary>Gets the counters, indexed by <see cref="GatewayQkd.Core.Gateway.GatewayCounter"/>.</summary>
        public uint[] Counters { get; private set; }

        /// <inheritdoc />
        public override FrameType Type
        {
            get { return FrameType.GatewayStatus; }
        }

        /// <inheritdoc />
        public override int BodyLength
        {
            get { return BaseLength + (Levels.Length * PeerLevel.Length) + (Counters.Length * 4); }
        }

        /// <inheritdoc />
        public override void WriteTo(FrameWriter writer)
        {
            writer.WriteUInt64((ulong)ClockMilliseconds);
            writer.WriteByte((byte)State);
            writer.WriteUInt16((ushort)QueueLength);
            writer.WriteByte((byte)Levels.Length);
            for (int i = 0; i < Levels.Length; i++)
            {
                writer.WriteUInt16(Levels[i].PeerId);
                writer.WriteUInt32(Levels[i].AvailableBits);
                writer.WriteUInt32(Levels[i].CapacityBits);
            }

            writer.WriteByte((byte)Counters.Length);
            for (int i = 0; i < Counters.Length; i++)
            {
                writer.WriteUInt32(Counters[i]);
            }
        }

        /// <summary>Reads and range-checks a body.</summary>
        public static GatewayStatusMessage ReadFrom(FrameReader reader)
        {
            ulong clock = reader.ReadUInt64("clock ms");
            byte state = reader.ReadByte("state");
            ushort queue = reader.ReadUInt16("queue length");
            byte peerCount = reader.ReadByte("peer count");
            FieldCheck.InRange("peer count", peerCount, 0, FrameLimits.MaxStatusPeers);
            PeerLevel[] levels = new PeerLevel[peerCount];
            for (int i = 0; i < peerCount; i++)
            {
                levels[i] = new PeerLevel(reader.ReadUInt16("level peer"), reader.ReadUInt32("level available bits"), reader.ReadUInt32("level capacity bits"));
            }

            byte counterCount = reader.ReadByte("counter count");
            FieldCheck.InRange("counter count", counterCount, 0, FrameLimits.MaxStatusCounters);
            uint[] counters = new uint[counterCount];
            for (int i = 0; i < counterCount; i++)
            {
                counters[i] = reader.ReadUInt32("counter");
            }

            return new GatewayStatusMessage((long)clock, state, queue, levels, counters);
        }
    }
}
