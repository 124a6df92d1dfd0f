namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// Encodes and decodes a pool state snapshot: magic, version, peer count, sequence number, 38 bytes per peer and a
    /// CRC-32 (byte layout in docs/storage-layout.md, "Snapshot slots"). Snapshots carry the stream positions and loss
    /// counters of every peer; the key bytes live in the block files.
    /// </summary>
    internal static class SnapshotFormat
    {
        /// <summary>Bytes before the per-peer entries.</summary>
        public const int HeaderBytes = 10;

        /// <summary>Bytes per peer entry.</summary>
        public const int PeerBytes = 38;

        private const byte Version = 1;

        /// <summary>Returns the snapshot file content for the peers (PeerStream, in id order).</summary>
        public static byte[] Encode(uint sequence, System.Collections.ArrayList peers)
        {
            byte[] file = new byte[HeaderBytes + (PeerBytes * peers.Count) + 4];
            file[0] = (byte)'Q';
            file[1] = (byte)'K';
            file[2] = (byte)'P';
            file[3] = (byte)'S';
            file[4] = Version;
            file[5] = (byte)peers.Count;
            LittleEndian.PutUInt32(file, 6, sequence);
            for (int i = 0; i < peers.Count; i++)
            {
                PeerStream peer = (PeerStream)peers[i];
                int at = HeaderBytes + (PeerBytes * i);
                LittleEndian.PutUInt16(file, at, peer.PeerId);
                LittleEndian.PutUInt32(file, at + 2, peer.NextBlockId);
                LittleEndian.PutUInt64(file, at + 6, (ulong)peer.StreamEnd);
                LittleEndian.PutUInt64(file, at + 14, (ulong)peer.ConsumedEnd);
                LittleEndian.PutUInt64(file, at + 22, (ulong)peer.AccountedEnd);
                LittleEndian.PutUInt64(file, at + 30, (ulong)peer.LostBytes);
            }

            LittleEndian.PutUInt32(file, file.Length - 4, Crc32.Compute(file, 0, file.Length - 4));
            return file;
        }

        /// <summary>
        /// Decodes a snapshot into peers without blocks (in id order) and its sequence number; returns null when the
        /// content is torn, corrupted or inconsistent.
        /// </summary>
        public static PeerStream[] Decode(byte[] file, out uint sequence)
        {
            sequence = 0;
            if (file == null || file.Length < HeaderBytes + 4 || file[0] != 'Q' || file[1] != 'K' || file[2] != 'P' || file[3] != 'S' || file[4] != Version)
            {
                return null;
            }

            int count = file[5];
            if (file.Length != HeaderBytes + (PeerBytes * count) + 4 || Crc32.Compute(file, 0, file.Length - 4) != LittleEndian.GetUInt32(file, file.Length - 4))
            {
                return null;
            }

            PeerStream[] peers = new PeerStream[count];
            for (int i = 0; i < count; i++)
            {
                int at = HeaderBytes + (PeerBytes * i);
                ulong streamEnd = LittleEndian.GetUInt64(file, at + 6);
                ulong consumedEnd = LittleEndian.GetUInt64(file, at + 14);
                ulong accountedEnd = LittleEndian.GetUInt64(file, at + 22);
                ulong lostBytes = LittleEndian.GetUInt64(file, at + 30);
                ushort peerId = LittleEndian.GetUInt16(file, at);
                bool ordered = streamEnd <= 0x100000000UL && consumedEnd <= streamEnd && accountedEnd <= consumedEnd && lostBytes <= accountedEnd
                    && (i == 0 || peers[i - 1].PeerId < peerId);
                if (!ordered)
                {
                    return null;
                }

                peers[i] = new PeerStream(peerId, LittleEndian.GetUInt32(file, at + 2), (long)streamEnd, (long)consumedEnd, (long)accountedEnd, (long)lostBytes);
            }

            sequence = LittleEndian.GetUInt32(file, 6);
            return peers;
        }
    }
}
