using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// A sender's frame counter that never repeats across restarts: counters are reserved in chunks of
    /// <see cref="ChunkSize"/>, and the end of the reservation is committed to storage before the first counter of a
    /// chunk is used. After a restart numbering resumes above the last reservation, skipping at most a chunk of unused
    /// counters, so one storage write covers <see cref="ChunkSize"/> frames (docs/protocol.md s5).
    /// </summary>
    /// <remarks>File layout: 'S' 'C' version(1) reserved u32. Not thread-safe: the caller serialises access.</remarks>
    public sealed class SendCounter
    {
        private const int FileLength = 7;

        private readonly IKeyStorage _storage;
        private readonly string _fileName;
        private readonly uint _chunkSize;
        private uint _next;
        private uint _reserved;

        /// <summary>Opens the counter, resuming above the reservation stored in <paramref name="fileName"/> if it exists.</summary>
        /// <exception cref="System.InvalidOperationException">The file exists but is not a valid reservation.</exception>
        public SendCounter(IKeyStorage storage, string fileName, int chunkSize)
            : this(storage, fileName, chunkSize, 0)
        {
        }

        /// <summary>
        /// Opens the counter, resuming above the higher of the reservation in <paramref name="fileName"/> and
        /// <paramref name="committedElsewhere"/>: a reservation its owner committed in another durable record
        /// (<see cref="Committed"/>; the gateway's slot snapshot, docs/storage-layout.md).
        /// </summary>
        /// <exception cref="System.InvalidOperationException">The file exists but is not a valid reservation.</exception>
        public SendCounter(IKeyStorage storage, string fileName, int chunkSize, uint committedElsewhere)
        {
            if (storage == null)
            {
                throw new System.ArgumentNullException("storage");
            }

            if (chunkSize < 1 || chunkSize > 65536)
            {
                throw new System.ArgumentOutOfRangeException("chunkSize", "The chunk size must be 1..65536.");
            }

            _storage = storage;
            _fileName = fileName;
            _chunkSize = (uint)chunkSize;
            // An empty file is what a power cut during the first reservation can leave: no counter was used yet.
            byte[] data = storage.Exists(fileName) ? storage.Read(fileName) : null;
            _reserved = data != null && data.Length > 0 ? Load(data) : 0;
            if (committedElsewhere > _reserved)
            {
                _reserved = committedElsewhere;
            }

            _next = _reserved + 1; // 0 (exhausted) when the whole space was reserved
        }

        /// <summary>Gets how many counters one storage write reserves.</summary>
        public int ChunkSize
        {
            get { return (int)_chunkSize; }
        }

        /// <summary>Gets the counter <see cref="Next"/> will return.</summary>
        public uint Peek
        {
            get { return _next; }
        }

        /// <summary>Gets the end of the durable reservation: the highest counter that may be used without another commit.</summary>
        public uint Reserved
        {
            get { return _reserved; }
        }

        /// <summary>Returns a counter never returned before by this file's owner, reserving a new chunk first when needed.</summary>
        /// <exception cref="System.InvalidOperationException">The 32-bit counter space is used up (the pairwise keys must be renewed).</exception>
        public uint Next()
        {
            if (_next == 0)
            {
                throw new System.InvalidOperationException("The frame counter space is exhausted; renew the pairwise keys.");
            }

            if (_next > _reserved)
            {
                Reserve(1);
            }

            uint counter = _next;
            _next = counter + 1; // wraps to 0 after 2^32 - 1, which the check above refuses
            return counter;
        }

        /// <summary>
        /// Makes sure the next <paramref name="count"/> counters are reserved, with at most one storage write of this
        /// counter's file (<see cref="ReservationFor"/>). A sender about to send a batch so pays one write for it, not
        /// one per chunk.
        /// </summary>
        public void Reserve(int count)
        {
            uint reserved = ReservationFor(count);
            if (reserved == _reserved)
            {
                return;
            }

            FrameWriter writer = new FrameWriter(FileLength);
            writer.WriteByte((byte)'S');
            writer.WriteByte((byte)'C');
            writer.WriteByte(1);
            writer.WriteUInt32(reserved);
            _storage.Write(_fileName, writer.Buffer, 0, FileLength);
            _reserved = reserved;
        }

        /// <summary>
        /// Returns the reservation end that covers the next <paramref name="count"/> counters, writing nothing: the
        /// current <see cref="Reserved"/> when they are covered (or nothing is to be sent, or the space is exhausted,
        /// which <see cref="Next"/> refuses), else the reservation extended by a chunk or to cover all of them,
        /// whichever is more. An owner that stores this end in its own atomic write calls <see cref="Committed"/>
        /// after that write returns, and only then uses the counters.
        /// </summary>
        public uint ReservationFor(int count)
        {
            if (count < 1 || _next == 0 || (ulong)_next + (ulong)count - 1 <= _reserved)
            {
                return _reserved;
            }

            ulong end = (ulong)_reserved + _chunkSize;
            ulong needed = (ulong)_next + (ulong)count - 1;
            if (needed > end)
            {
                end = needed;
            }

            return end > 0xFFFFFFFFUL ? 0xFFFFFFFFu : (uint)end;
        }

        /// <summary>
        /// Records that the owner has durably committed the reservation end <paramref name="reserved"/> (from
        /// <see cref="ReservationFor"/>) in its own record, which it passes back at start-up; a lower end changes nothing.
        /// </summary>
        public void Committed(uint reserved)
        {
            if (reserved > _reserved)
            {
                _reserved = reserved;
            }
        }

        private uint Load(byte[] data)
        {
            try
            {
                FrameReader reader = new FrameReader(data, 0, data.Length);
                if (reader.ReadByte("magic") != (byte)'S' || reader.ReadByte("magic") != (byte)'C' || reader.ReadByte("version") != 1)
                {
                    throw new FrameFormatException(FrameStatus.UnsupportedVersion, "expected magic SC and version 1");
                }

                uint reserved = reader.ReadUInt32("reserved");
                reader.RequireEnd("counter file");
                return reserved;
            }
            catch (FrameFormatException e)
            {
                throw new System.InvalidOperationException(
                    "Counter file '" + _fileName + "' is corrupt (" + e.Message + "); refusing to start, since guessing could reuse counters.");
            }
        }
    }
}
