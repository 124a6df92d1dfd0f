using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Per-sender high-water marks of accepted frame counters, persisted so that a restart of the receiver does not
    /// reopen the window for replays (docs/protocol.md s5). A frame is fresh when its counter is above its sender's
    /// mark. A guard on a file (<see cref="ReplayGuard(IKeyStorage, string)"/>) commits each new mark to storage in
    /// <see cref="Record"/> before it takes effect in memory; a staged guard (<see cref="Staged"/>) leaves the commit to
    /// its owner, who stores <see cref="Table"/> in the same atomic write as the frames' effects (the gateway's slot
    /// commit, docs/gateway-service.md "Durability order") before any of those effects is visible.
    /// </summary>
    /// <remarks>
    /// Table layout: 'R' 'G' version count u16, then count x (sender u16, mark u32), big-endian. Version 1 is the staged
    /// table (<see cref="Table"/>, stored inside the CRC-checked pool snapshot) and files written before version 2;
    /// version 2 is the file layout and ends with a CRC-32 of the bytes before it. On a file, each accepted frame costs
    /// one atomic <see cref="IKeyStorage.Write"/> of this table (bounded by <see cref="MaxSenders"/> entries), two on a
    /// mirrored guard; the port's contract makes a cut write leave the previous table, which at worst rejects nothing
    /// that was not already seen. Not thread-safe: the caller serialises access.
    /// </remarks>
    public sealed class ReplayGuard
    {
        /// <summary>Most senders one guard tracks (6 KB of file at most).</summary>
        public const int MaxSenders = 1024;

        private const int HeaderLength = 5;
        private const int EntryLength = 6;
        private const byte TableVersion = 1;
        private const byte FileVersion = 2;

        private readonly MirroredFile _file;
        private readonly string _fileName;
        private ushort[] _senders;
        private uint[] _marks;
        private int _count;
        private bool _staged;
        private int _repairedFiles;

        /// <summary>Opens the guard, loading the marks from <paramref name="fileName"/> if it exists.</summary>
        /// <exception cref="System.InvalidOperationException">The file exists but is not a valid mark table.</exception>
        public ReplayGuard(IKeyStorage storage, string fileName)
            : this(storage, fileName, null)
        {
        }

        /// <summary>
        /// Opens a guard kept in two files (<see cref="MirroredFile"/>): the marks are the per-sender maximum of the
        /// valid copies, and a damaged copy is rewritten before the guard is used, so one flipped bit, cut or lost file
        /// never lowers a mark (a lower mark would accept a replay). Both copies damaged is refused.
        /// </summary>
        /// <exception cref="System.InvalidOperationException">No copy is a valid mark table, and at least one is damaged.</exception>
        public ReplayGuard(IKeyStorage storage, string fileName, string mirrorFileName)
            : this(fileName)
        {
            if (storage == null)
            {
                throw new System.ArgumentNullException("storage");
            }

            _file = new MirroredFile(storage, fileName, mirrorFileName);
            // An empty file is what a power cut during the very first Write can leave (LittleFS creates the file before
            // it writes): no mark was ever committed, and no frame acted on, so it reads as no file (ReadPrimary: null).
            byte[] primary = _file.ReadPrimary();
            byte[] mirror = _file.ReadMirror();
            string primaryDamage = MergeCopy(primary);
            string mirrorDamage = MergeCopy(mirror);
            bool primaryValid = primary != null && primaryDamage == null;
            bool mirrorValid = mirror != null && mirrorDamage == null;
            if (!primaryValid && !mirrorValid)
            {
                if (primaryDamage != null || mirrorDamage != null)
                {
                    throw new System.InvalidOperationException(
                        "Replay state file '" + fileName + (mirrorFileName == null ? "' is corrupt" : "' and its mirror '" + mirrorFileName + "' hold no valid copy")
                        + " (" + (primaryDamage != null ? primaryDamage : mirrorDamage) + "); refusing to start, since an empty table would accept replays.");
                }

                return;
            }

            if (_file.IsMirrored)
            {
                _repairedFiles = _file.Repair(Current(true), primary, mirror);
            }
        }

        private ReplayGuard(string fileName)
        {
            _fileName = fileName;
            _senders = new ushort[8];
            _marks = new uint[8];
        }

        /// <summary>
        /// Creates a guard whose marks its owner commits: <see cref="Record"/> changes only RAM and sets
        /// <see cref="HasStagedMarks"/>; the owner writes <see cref="Table"/> atomically with the effects of the frames
        /// admitted since its last commit, then calls <see cref="MarkCommitted"/>. A frame whose mark was never committed
        /// had no visible effect, so accepting it again after a restart acts on it once, never twice.
        /// </summary>
        /// <param name="table">The last committed table (from <see cref="Table"/>), or null or empty for none.</param>
        /// <exception cref="System.InvalidOperationException">The table is not a valid mark table.</exception>
        public static ReplayGuard Staged(byte[] table)
        {
            ReplayGuard guard = new ReplayGuard("staged replay table");
            string damage = table == null || table.Length == 0 ? null : guard.MergeCopy(table);
            if (damage != null)
            {
                throw new System.InvalidOperationException("The staged replay table is corrupt (" + damage + "); refusing to start, since an empty table would accept replays.");
            }

            return guard;
        }

        /// <summary>Gets a value indicating whether marks were recorded since the last <see cref="MarkCommitted"/> (staged guards only).</summary>
        public bool HasStagedMarks
        {
            get { return _staged; }
        }

        /// <summary>Gets how many copies of a mirrored guard were rewritten at open (damaged, missing or one commit behind).</summary>
        public int RepairedFiles
        {
            get { return _repairedFiles; }
        }

        /// <summary>Gets the number of senders with a mark.</summary>
        public int SenderCount
        {
            get { return _count; }
        }

        /// <summary>Returns the highest counter accepted from <paramref name="senderId"/> (0 when none).</summary>
        public uint HighWaterMark(ushort senderId)
        {
            int index = IndexOf(senderId);
            return index < 0 ? 0 : _marks[index];
        }

        /// <summary>Returns true when <paramref name="counter"/> is above the sender's mark (counter 0 is never fresh).</summary>
        public bool IsFresh(ushort senderId, uint counter)
        {
            return counter > HighWaterMark(senderId);
        }

        /// <summary>Returns true when a mark of <paramref name="senderId"/> can be recorded (it has one, or the table has room).</summary>
        public bool HasRoomFor(ushort senderId)
        {
            return _count < MaxSenders || IndexOf(senderId) >= 0;
        }

        /// <summary>Commits <paramref name="counter"/> as the sender's new mark (storage first, then memory).</summary>
        /// <exception cref="System.InvalidOperationException">The counter is not fresh, or the table is full.</exception>
        public void Record(ushort senderId, uint counter)
        {
            if (!IsFresh(senderId, counter))
            {
                throw new System.InvalidOperationException("Counter " + counter.ToString() + " of sender " + senderId.ToString() + " is not fresh.");
            }

            int index = IndexOf(senderId);
            if (index < 0 && _count >= MaxSenders)
            {
                throw new System.InvalidOperationException("The replay table is full (" + MaxSenders.ToString() + " senders).");
            }

            if (_file != null)
            {
                _file.Write(Serialize(senderId, counter, index < 0, true));
            }
            else
            {
                _staged = true;
            }

            if (index < 0)
            {
                Grow();
                _senders[_count] = senderId;
                _marks[_count] = counter;
                _count++;
            }
            else
            {
                _marks[index] = counter;
            }
        }

        /// <summary>Returns the current marks in the table layout (what a staged guard's owner commits).</summary>
        public byte[] Table()
        {
            return Current(false);
        }

        /// <summary>Records that the owner has durably committed <see cref="Table"/> as returned since the last record.</summary>
        public void MarkCommitted()
        {
            _staged = false;
        }

        // The marks as they are (re-stating the first sender's own mark, so no entry changes).
        private byte[] Current(bool check)
        {
            return _count == 0 ? Serialize(0, 0, false, check) : Serialize(_senders[0], _marks[0], false, check);
        }

        // Version 1 is the staged table (the pool snapshot's CRC covers it); version 2, the file layout, ends with a
        // CRC-32 of the bytes before it (MirroredFile.AppendCheck), so a flipped mark bit is found, not trusted.
        private byte[] Serialize(ushort senderId, uint counter, bool add, bool check)
        {
            int count = add ? _count + 1 : _count;
            FrameWriter writer = new FrameWriter(HeaderLength + (count * EntryLength) + (check ? MirroredFile.CheckLength : 0));
            writer.WriteByte((byte)'R');
            writer.WriteByte((byte)'G');
            writer.WriteByte(check ? FileVersion : TableVersion);
            writer.WriteUInt16((ushort)count);
            for (int i = 0; i < _count; i++)
            {
                writer.WriteUInt16(_senders[i]);
                writer.WriteUInt32(_senders[i] == senderId ? counter : _marks[i]);
            }

            if (add)
            {
                writer.WriteUInt16(senderId);
                writer.WriteUInt32(counter);
            }

            if (check)
            {
                MirroredFile.AppendCheck(writer);
            }

            return writer.Buffer;
        }

        // Reads one stored copy and raises this guard's marks to it (per sender, the larger mark wins); returns null when
        // the copy is absent or was merged, else why it is damaged, leaving the marks as they were.
        private string MergeCopy(byte[] data)
        {
            if (data == null)
            {
                return null;
            }

            ReplayGuard copy = new ReplayGuard(_fileName);
            try
            {
                copy.Load(data);
            }
            catch (FrameFormatException e)
            {
                return e.Message;
            }

            for (int i = 0; i < copy._count; i++)
            {
                int index = IndexOf(copy._senders[i]);
                if (index < 0)
                {
                    Grow();
                    _senders[_count] = copy._senders[i];
                    _marks[_count] = copy._marks[i];
                    _count++;
                }
                else if (copy._marks[i] > _marks[index])
                {
                    _marks[index] = copy._marks[i];
                }
            }

            return null;
        }

        private void Load(byte[] data)
        {
            byte version = data.Length > 2 ? data[2] : (byte)0;
            if (data.Length < 3 || data[0] != (byte)'R' || data[1] != (byte)'G' || (version != TableVersion && version != FileVersion))
            {
                throw new FrameFormatException(FrameStatus.UnsupportedVersion, "expected magic RG and version 1 or 2");
            }

            if (version == FileVersion && !MirroredFile.HasValidCheck(data))
            {
                throw new FrameFormatException(FrameStatus.MalformedBody, "CRC-32 does not match");
            }

            int length = version == FileVersion ? data.Length - MirroredFile.CheckLength : data.Length;
            FrameReader reader = new FrameReader(data, 3, length - 3);
            int count = reader.ReadUInt16("count");
            FieldCheck.InRange("count", count, 0, MaxSenders);
            for (int i = 0; i < count; i++)
            {
                ushort sender = reader.ReadUInt16("sender");
                uint mark = reader.ReadUInt32("mark");
                if (IndexOf(sender) >= 0)
                {
                    throw new FrameFormatException(FrameStatus.MalformedBody, "sender " + sender.ToString() + " appears twice");
                }

                Grow();
                _senders[_count] = sender;
                _marks[_count] = mark;
                _count++;
            }

            reader.RequireEnd("replay table");
        }

        private int IndexOf(ushort senderId)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_senders[i] == senderId)
                {
                    return i;
                }
            }

            return -1;
        }

        private void Grow()
        {
            if (_count < _senders.Length)
            {
                return;
            }

            ushort[] senders = new ushort[_senders.Length * 2];
            uint[] marks = new uint[_marks.Length * 2];
            System.Array.Copy(_senders, senders, _count);
            System.Array.Copy(_marks, marks, _count);
            _senders = senders;
            _marks = marks;
        }
    }
}
