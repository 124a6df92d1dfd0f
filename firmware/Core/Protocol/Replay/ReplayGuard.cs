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
    /// Table layout: 'R' 'G' version(1) count u16, then count x (sender u16, mark u32). On a file, each accepted frame
    /// costs one atomic <see cref="IKeyStorage.Write"/> of this table (bounded by <see cref="MaxSenders"/> entries); the
    /// port's contract makes a cut write leave the previous table, which at worst rejects nothing that was not already
    /// seen. Not thread-safe: the caller serialises access.
    /// </remarks>
    public sealed class ReplayGuard
    {
        /// <summary>Most senders one guard tracks (6 KB of file at most).</summary>
        public const int MaxSenders = 1024;

        private const int HeaderLength = 5;
        private const int EntryLength = 6;

        private readonly IKeyStorage _storage;
        private readonly string _fileName;
        private ushort[] _senders;
        private uint[] _marks;
        private int _count;
        private bool _staged;

        /// <summary>Opens the guard, loading the marks from <paramref name="fileName"/> if it exists.</summary>
        /// <exception cref="System.InvalidOperationException">The file exists but is not a valid mark table.</exception>
        public ReplayGuard(IKeyStorage storage, string fileName)
            : this(storage, fileName, null)
        {
            if (storage == null)
            {
                throw new System.ArgumentNullException("storage");
            }
        }

        private ReplayGuard(IKeyStorage storage, string fileName, byte[] table)
        {
            _storage = storage;
            _fileName = fileName;
            _senders = new ushort[8];
            _marks = new uint[8];
            // An empty file is what a power cut during the very first Write can leave (LittleFS creates the file before
            // it writes): no mark was ever committed, and no frame acted on, so it reads as no file.
            byte[] data = storage == null ? table : storage.Exists(fileName) ? storage.Read(fileName) : null;
            if (data != null && data.Length > 0)
            {
                Load(data);
            }
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
            return new ReplayGuard(null, "staged replay table", table);
        }

        /// <summary>Gets a value indicating whether marks were recorded since the last <see cref="MarkCommitted"/> (staged guards only).</summary>
        public bool HasStagedMarks
        {
            get { return _staged; }
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

            if (_storage != null)
            {
                byte[] table = Serialize(senderId, counter, index < 0);
                _storage.Write(_fileName, table, 0, table.Length);
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
            return _count == 0 ? Serialize(0, 0, false) : Serialize(_senders[0], _marks[0], false);
        }

        /// <summary>Records that the owner has durably committed <see cref="Table"/> as returned since the last record.</summary>
        public void MarkCommitted()
        {
            _staged = false;
        }

        private byte[] Serialize(ushort senderId, uint counter, bool add)
        {
            int count = add ? _count + 1 : _count;
            FrameWriter writer = new FrameWriter(HeaderLength + (count * EntryLength));
            writer.WriteByte((byte)'R');
            writer.WriteByte((byte)'G');
            writer.WriteByte(1);
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

            return writer.Buffer;
        }

        private void Load(byte[] data)
        {
            try
            {
                FrameReader reader = new FrameReader(data, 0, data.Length);
                if (reader.ReadByte("magic") != (byte)'R' || reader.ReadByte("magic") != (byte)'G' || reader.ReadByte("version") != 1)
                {
                    throw new FrameFormatException(FrameStatus.UnsupportedVersion, "expected magic RG and version 1");
                }

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
            catch (FrameFormatException e)
            {
                throw new System.InvalidOperationException(
                    "Replay state file '" + _fileName + "' is corrupt (" + e.Message + "); refusing to start, since an empty table would accept replays.");
            }
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
