using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// A small self-checking record kept in two files, written one after the other, so that one damaged file (a flipped
    /// bit, a cut, a file gone) leaves the other with the newest committed content. The owner decodes each copy, merges
    /// the valid ones (for values that only grow, as replay marks and counter reservations do, the larger wins) and
    /// calls <see cref="Repair"/> so both copies agree again before the record is relied on.
    /// </summary>
    /// <remarks>
    /// Why two files and not one: a record in one file cannot tell a cut of its first write (which may leave an empty
    /// file, docs/storage-layout.md "The storage contract") from a later loss of its content, and no check inside the
    /// file survives a cut at offset 0. With two copies written in order (primary, then mirror), the port's contract
    /// (a write leaves the old or the new content) makes a power cut between them leave the primary newer, never the
    /// mirror; so the larger of the valid copies is always the last commit, and one damaged copy loses nothing.
    /// Both copies damaged (two faults) is refused by the owner: nothing can then bound what was used.
    /// Not thread-safe: the caller serialises access.
    /// </remarks>
    internal sealed class MirroredFile
    {
        private readonly IKeyStorage _storage;
        private readonly string _primary;
        private readonly string _mirror;

        /// <summary>Creates the record on <paramref name="primary"/> and, when not null, its copy <paramref name="mirror"/>.</summary>
        public MirroredFile(IKeyStorage storage, string primary, string mirror)
        {
            _storage = storage;
            _primary = primary;
            _mirror = mirror;
        }

        /// <summary>Gets the name of the primary file.</summary>
        public string Primary
        {
            get { return _primary; }
        }

        /// <summary>Gets the name of the mirror file, or null when the record has one copy.</summary>
        public string Mirror
        {
            get { return _mirror; }
        }

        /// <summary>Gets a value indicating whether the record has a mirror copy.</summary>
        public bool IsMirrored
        {
            get { return _mirror != null; }
        }

        /// <summary>Length of the check <see cref="AppendCheck"/> appends.</summary>
        public const int CheckLength = 4;

        /// <summary>Appends the CRC-32 (IEEE 802.3, big-endian) of everything written so far; the writer must have room for it.</summary>
        public static void AppendCheck(FrameWriter writer)
        {
            writer.WriteUInt32(GatewayQkd.Core.Pool.Crc32.Compute(writer.Buffer, 0, writer.Position));
        }

        /// <summary>Returns true when the last <see cref="CheckLength"/> bytes of <paramref name="data"/> are the CRC-32 of the bytes before them.</summary>
        public static bool HasValidCheck(byte[] data)
        {
            int body = data.Length - CheckLength;
            return body >= 0 && GatewayQkd.Core.Crypto.Bytes.ReadUInt32BigEndian(data, body) == GatewayQkd.Core.Pool.Crc32.Compute(data, 0, body);
        }

        /// <summary>Returns the primary's content, or null when it is absent or empty (what a cut first write leaves).</summary>
        public byte[] ReadPrimary()
        {
            return ReadOrNull(_primary);
        }

        /// <summary>Returns the mirror's content, or null when there is no mirror or it is absent or empty.</summary>
        public byte[] ReadMirror()
        {
            return _mirror == null ? null : ReadOrNull(_mirror);
        }

        /// <summary>Commits <paramref name="data"/> to the primary, then to the mirror.</summary>
        public void Write(byte[] data)
        {
            _storage.Write(_primary, data, 0, data.Length);
            if (_mirror != null)
            {
                _storage.Write(_mirror, data, 0, data.Length);
            }
        }

        /// <summary>
        /// Rewrites the copies that differ from <paramref name="merged"/> (the owner's merge of the valid copies), primary
        /// first; returns the number of files written. Called once at open, before anything relies on the record.
        /// </summary>
        public int Repair(byte[] merged, byte[] primary, byte[] mirror)
        {
            int written = 0;
            if (!Same(primary, merged))
            {
                _storage.Write(_primary, merged, 0, merged.Length);
                written++;
            }

            if (_mirror != null && !Same(mirror, merged))
            {
                _storage.Write(_mirror, merged, 0, merged.Length);
                written++;
            }

            return written;
        }

        private byte[] ReadOrNull(string name)
        {
            if (!_storage.Exists(name))
            {
                return null;
            }

            byte[] data = _storage.Read(name);
            return data.Length == 0 ? null : data;
        }

        private static bool Same(byte[] copy, byte[] merged)
        {
            return copy != null && GatewayQkd.Core.Crypto.ConstantTime.AreEqual(copy, merged);
        }
    }
}
