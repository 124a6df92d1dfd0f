using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// A sender's frame counter that never repeats across restarts: counters are reserved in chunks of
    /// <see cref="ChunkSize"/>, and the end of the reservation is committed to storage before the first counter of a
    /// chunk is used. After a restart numbering resumes above the last reservation, skipping at most a chunk of unused
    /// counters, so one storage write covers <see cref="ChunkSize"/> frames (docs/protocol.md s5).
    /// </summary>
    /// <remarks>
    /// File layout: 'S' 'C' version reserved u32, big-endian; version 2 (written since the mirror) adds a CRC-32 of the
    /// 7 bytes before it, so a flipped bit of the reservation is found, not trusted; version 1 (7 bytes) is still read.
    /// Not thread-safe: the caller serialises access.
    /// </remarks>
    public sealed class SendCounter
    {
        private const int BodyLength = 7;
        private const byte FileVersion = 2;

        private readonly MirroredFile _file;
        private readonly uint _chunkSize;
        private uint _next;
        private uint _reserved;
        private int _repairedFiles;
        private bool _used;

        /// <summary>Opens the counter, resuming above the reservation stored in <paramref name="fileName"/> if it exists.</summary>
        /// <exception cref="System.InvalidOperationException">The file exists but is not a valid reservation.</exception>
        public SendCounter(IKeyStorage storage, string fileName, int chunkSize)
            : this(storage, fileName, null, chunkSize)
        {
        }

        /// <summary>
        /// Opens the counter, resuming above the higher of the reservation in <paramref name="fileName"/> and
        /// <paramref name="committedElsewhere"/>: a reservation its owner committed in another durable record
        /// (<see cref="Committed"/>; the gateway's slot snapshot, docs/storage-layout.md).
        /// </summary>
        /// <exception cref="System.InvalidOperationException">The file exists but is not a valid reservation.</exception>
        public SendCounter(IKeyStorage storage, string fileName, int chunkSize, uint committedElsewhere)
            : this(storage, fileName, null, chunkSize)
        {
            ResumeAbove(committedElsewhere, 0);
        }

        /// <summary>
        /// Opens a counter kept in two files (<see cref="MirroredFile"/>): numbering resumes above the larger valid
        /// reservation, and a damaged copy is rewritten before the first counter is used, so one flipped bit, cut or lost
        /// file never moves the counter back onto a value already sent. Both copies damaged is refused.
        /// </summary>
        /// <exception cref="System.InvalidOperationException">No copy is a valid reservation, and at least one is damaged.</exception>
        public SendCounter(IKeyStorage storage, string fileName, string mirrorFileName, int chunkSize)
        {
            if (storage == null)
            {
                throw new System.ArgumentNullException("storage");
            }

            if (chunkSize < 1 || chunkSize > 65536)
            {
                throw new System.ArgumentOutOfRangeException("chunkSize", "The chunk size must be 1..65536.");
            }

            _file = new MirroredFile(storage, fileName, mirrorFileName);
            _chunkSize = (uint)chunkSize;
            // An absent or empty copy (what a power cut during the first reservation can leave) is no reservation.
            byte[] primary = _file.ReadPrimary();
            byte[] mirror = _file.ReadMirror();
            string primaryDamage = null;
            string mirrorDamage = null;
            long fromPrimary = Decode(primary, ref primaryDamage);
            long fromMirror = Decode(mirror, ref mirrorDamage);
            if (fromPrimary < 0 && fromMirror < 0 && (primaryDamage != null || mirrorDamage != null))
            {
                throw new System.InvalidOperationException(
                    "Counter file '" + fileName + (mirrorFileName == null ? "' is corrupt" : "' and its mirror '" + mirrorFileName + "' hold no valid copy")
                    + " (" + (primaryDamage != null ? primaryDamage : mirrorDamage) + "); refusing to start, since guessing could reuse counters.");
            }

            long reserved = fromPrimary > fromMirror ? fromPrimary : fromMirror;
            _reserved = reserved < 0 ? 0 : (uint)reserved;
            _next = _reserved + 1;
            if (reserved >= 0 && _file.IsMirrored)
            {
                _repairedFiles = _file.Repair(Encode(_reserved), primary, mirror);
            }
        }

        /// <summary>Gets how many counters one storage write reserves.</summary>
        public int ChunkSize
        {
            get { return (int)_chunkSize; }
        }

        /// <summary>Gets how many copies of a mirrored counter were rewritten at open (damaged, missing or one reservation behind).</summary>
        public int RepairedFiles
        {
            get { return _repairedFiles; }
        }

        /// <summary>Gets the end of the durable reservation: the highest counter that may be used without another commit.</summary>
        public uint Reserved
        {
            get { return _reserved; }
        }

        /// <summary>Gets the counter <see cref="Next"/> will return.</summary>
        public uint Peek
        {
            get { return _next; }
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
            _used = true;
            _next = counter + 1; // wraps to 0 after 2^32 - 1, which the check above refuses
            return counter;
        }

        /// <summary>
        /// Makes sure the next <paramref name="count"/> counters are reserved, with at most one storage write of this
        /// counter's files (<see cref="ReservationFor"/>). A sender about to send a batch so pays one write for it, not
        /// one per chunk.
        /// </summary>
        public void Reserve(int count)
        {
            uint reserved = ReservationFor(count);
            if (reserved == _reserved)
            {
                return;
            }

            _file.Write(Encode(reserved));
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

        /// <summary>
        /// Before the first counter is used: resumes numbering above <paramref name="committedElsewhere"/> (a reservation
        /// the owner committed in its own record, <see cref="Committed"/>) when it is higher than the files', then skips
        /// <paramref name="skip"/> more counters that a lost record of the owner could have reserved (0 when none was
        /// lost). Skipped counters are never used; the next <see cref="Next"/> commits a reservation above them first.
        /// </summary>
        /// <exception cref="System.InvalidOperationException">A counter was already used.</exception>
        public void ResumeAbove(uint committedElsewhere, uint skip)
        {
            if (_used)
            {
                throw new System.InvalidOperationException("ResumeAbove must be called before the first counter is used.");
            }

            ulong end = (ulong)(committedElsewhere > _reserved ? committedElsewhere : _reserved) + skip;
            _reserved = end > 0xFFFFFFFFUL ? 0xFFFFFFFFu : (uint)end;
            _next = _reserved + 1; // 0 (exhausted) when the whole space was reserved
        }

        private static byte[] Encode(uint reserved)
        {
            FrameWriter writer = new FrameWriter(BodyLength + MirroredFile.CheckLength);
            writer.WriteByte((byte)'S');
            writer.WriteByte((byte)'C');
            writer.WriteByte(FileVersion);
            writer.WriteUInt32(reserved);
            MirroredFile.AppendCheck(writer);
            return writer.Buffer;
        }

        // The reservation a stored copy holds; -1 when the copy is absent, or damaged (then with the reason in damage).
        private static long Decode(byte[] data, ref string damage)
        {
            if (data == null)
            {
                return -1;
            }

            byte version = data.Length > 2 ? data[2] : (byte)0;
            int length = version == FileVersion ? BodyLength + MirroredFile.CheckLength : BodyLength;
            if (data.Length < 3 || data[0] != (byte)'S' || data[1] != (byte)'C' || (version != 1 && version != FileVersion))
            {
                damage = "expected magic SC and version 1 or 2";
            }
            else if (data.Length != length)
            {
                damage = "expected " + length.ToString() + " bytes, got " + data.Length.ToString();
            }
            else if (version == FileVersion && !MirroredFile.HasValidCheck(data))
            {
                damage = "CRC-32 does not match";
            }
            else
            {
                return GatewayQkd.Core.Crypto.Bytes.ReadUInt32BigEndian(data, 3);
            }

            return -1;
        }
    }
}
