using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Per-sender high-water marks of accepted frame counters, persisted so that a restart of the receiver does not
    /// reopen the window for replays (docs/protocol.md s5). A frame is fresh when its counter is above its sender's
    /// mark; <see cref="Record"/> commits the new mark to storage before it takes effect in memory.
    /// </summary>
    /// <remarks>
    /// File layout: 'R' 'G' version(1) count u16, then count x (sender u16, mark u32). Each accepted frame costs one
    /// atomic <see cref="IKeyStorage.Write"/> of this table (bounded by <see cref="MaxSenders"/> entries); the port's
    /// contract makes a cut write leave the previous table, which at worst rejects nothing that was not already seen.
    /// Not thread-safe: the caller serialises access.
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

        /// <summary>Opens the guard, loading the marks from <paramref name="fileName"/> if it exists.</summary>
        /// <exception cref="System.InvalidOperationException">The file exists but is not a valid mark table.</exception>
        public ReplayGuard(IKeyStorage storage, string fileName)
        {
            if (storage == null)
            {
                throw new System.ArgumentNullException("storage");
            }

            _storage = storage;
            _fileName = fileName;
            _senders = new ushort[8];
            _marks = new uint[8];
            // An empty file is what a power cut during the very first Write can leave (LittleFS creates the file before
            // it writes): no mark was ever committed, and no frame acted on, so it reads as no file.
            byte[] data = storage.Exists(fileName) ? storage.Read(fileName) : null;
            if (data != null && data.Length > 0)
            {
                Load(data);
            }
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

            byte[] table = Serialize(senderId, counter, index < 0);
            _storage.Write(_fileName, table, 0, table.Length);
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
