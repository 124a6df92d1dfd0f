using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// What the gateway stores in each slot's pool snapshot besides the pool state (<see cref="Pool.KeyPool.Commit"/>):
    /// the end of its send counter reservation and the sensors' replay mark table, so one atomic write per slot makes
    /// the slot's keys consumed, its frames' marks durable and the counters of its answers reserved
    /// (docs/storage-layout.md, "Snapshot slots").
    /// </summary>
    /// <remarks>
    /// Layout: 'G' 'S' version(1) counter reservation u32, then the replay table ('R' 'G' ..., <see cref="ReplayGuard"/>).
    /// Snapshots of builds before this record carry the bare replay table; they read with reservation 0 (the counter
    /// file <c>sc-gateway</c> then holds the reservation).
    /// </remarks>
    internal sealed class SlotAttachment
    {
        private const int HeaderLength = 7;

        private SlotAttachment(uint counterReservation, byte[] replayTable)
        {
            CounterReservation = counterReservation;
            ReplayTable = replayTable;
        }

        /// <summary>Gets the send counter reservation end committed with the snapshot (0 when none was).</summary>
        public uint CounterReservation { get; private set; }

        /// <summary>Gets the sensors' replay table, or null when none was committed.</summary>
        public byte[] ReplayTable { get; private set; }

        /// <summary>Builds the attachment bytes of <paramref name="counterReservation"/> and <paramref name="replayTable"/>.</summary>
        public static byte[] Build(uint counterReservation, byte[] replayTable)
        {
            FrameWriter writer = new FrameWriter(HeaderLength + replayTable.Length);
            writer.WriteByte((byte)'G');
            writer.WriteByte((byte)'S');
            writer.WriteByte(1);
            writer.WriteUInt32(counterReservation);
            writer.WriteBytes(replayTable, 0, replayTable.Length);
            return writer.Buffer;
        }

        /// <summary>Reads an attachment (null: none); a bare replay table (older builds) reads with reservation 0.</summary>
        /// <exception cref="System.InvalidOperationException">The attachment is neither layout; starting on a guess could accept replays or reuse counters.</exception>
        public static SlotAttachment Parse(byte[] attachment)
        {
            if (attachment == null || attachment.Length == 0)
            {
                return new SlotAttachment(0, null);
            }

            if (attachment[0] == (byte)'R')
            {
                return new SlotAttachment(0, attachment);
            }

            try
            {
                FrameReader reader = new FrameReader(attachment, 0, attachment.Length);
                if (reader.ReadByte("magic") != (byte)'G' || reader.ReadByte("magic") != (byte)'S' || reader.ReadByte("version") != 1)
                {
                    throw new FrameFormatException(FrameStatus.UnsupportedVersion, "expected magic GS and version 1");
                }

                uint reservation = reader.ReadUInt32("counter reservation");
                return new SlotAttachment(reservation, reader.ReadBytes(reader.Remaining, "replay table"));
            }
            catch (FrameFormatException e)
            {
                throw new System.InvalidOperationException("The pool snapshot's slot record is corrupt (" + e.Message + "); refusing to start.");
            }
        }
    }
}
