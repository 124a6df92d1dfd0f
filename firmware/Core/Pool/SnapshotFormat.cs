using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// Encodes and decodes a pool state snapshot: magic, version, peer count, sequence number, 38 bytes per peer and a
    /// CRC-32 (byte layout in docs/storage-layout.md, "Snapshot slots"). Snapshots carry the stream positions and loss
    /// counters of every peer; the key bytes live in the block files. Version 2 adds an attachment: caller state (the
    /// gateway's replay marks) committed atomically with the pool state, so one file write is one group commit
    /// (docs/storage-layout.md, "Group commit"); a snapshot without an attachment is still written as version 1.
    /// </summary>
    internal static class SnapshotFormat
    {
        /// <summary>Bytes before the per-peer entries.</summary>
        public const int HeaderBytes = 10;

        /// <summary>Bytes per peer entry.</summary>
        public const int PeerBytes = 38;

        /// <summary>The longest attachment (a u16 length field).</summary>
        public const int MaxAttachmentBytes = 65535;

        private const byte Version = 1;
        private const byte VersionWithAttachment = 2;

        /// <summary>Returns the snapshot file content for the peers (PeerStream, in id order) and the attachment (null or empty: none).</summary>
        public static byte[] Encode(uint sequence, System.Collections.ArrayList peers, byte[] attachment)
        {
            int extra = attachment == null || attachment.Length == 0 ? 0 : 2 + attachment.Length;
            int peersEnd = HeaderBytes + (PeerBytes * peers.Count);
            byte[] file = new byte[peersEnd + extra + 4];
            file[0] = (byte)'Q';
            file[1] = (byte)'K';
            file[2] = (byte)'P';
            file[3] = (byte)'S';
            file[4] = extra == 0 ? Version : VersionWithAttachment;
            file[5] = (byte)peers.Count;
            Bytes.WriteUInt32LittleEndian(sequence, file, 6);
            for (int i = 0; i < peers.Count; i++)
            {
                PeerStream peer = (PeerStream)peers[i];
                int at = HeaderBytes + (PeerBytes * i);
                Bytes.WriteUInt16LittleEndian(peer.PeerId, file, at);
                Bytes.WriteUInt32LittleEndian(peer.NextBlockId, file, at + 2);
                Bytes.WriteUInt64LittleEndian((ulong)peer.StreamEnd, file, at + 6);
                Bytes.WriteUInt64LittleEndian((ulong)peer.ConsumedEnd, file, at + 14);
                Bytes.WriteUInt64LittleEndian((ulong)peer.AccountedEnd, file, at + 22);
                Bytes.WriteUInt64LittleEndian((ulong)peer.LostBytes, file, at + 30);
            }

            if (extra > 0)
            {
                Bytes.WriteUInt16LittleEndian((ushort)attachment.Length, file, peersEnd);
                System.Array.Copy(attachment, 0, file, peersEnd + 2, attachment.Length);
            }

            Bytes.WriteUInt32LittleEndian(Crc32.Compute(file, 0, file.Length - 4), file, file.Length - 4);
            return file;
        }

        /// <summary>
        /// Decodes a snapshot into peers without blocks (in id order), its sequence number and its attachment (null when
        /// none); returns null when the content is torn, corrupted or inconsistent.
        /// </summary>
        public static PeerStream[] Decode(byte[] file, out uint sequence, out byte[] attachment)
        {
            sequence = 0;
            attachment = null;
            if (file == null || file.Length < HeaderBytes + 4 || file[0] != 'Q' || file[1] != 'K' || file[2] != 'P' || file[3] != 'S'
                || (file[4] != Version && file[4] != VersionWithAttachment))
            {
                return null;
            }

            int count = file[5];
            int peersEnd = HeaderBytes + (PeerBytes * count);
            int extra = 0;
            if (file[4] == VersionWithAttachment)
            {
                // The length is read before the CRC is checked only to find the CRC; a wrong length fails the CRC or the size check.
                extra = file.Length >= peersEnd + 2 + 4 ? 2 + Bytes.ReadUInt16LittleEndian(file, peersEnd) : -1;
                if (extra <= 2)
                {
                    return null; // version 2 always carries a non-empty attachment
                }
            }

            if (file.Length != peersEnd + extra + 4 || Crc32.Compute(file, 0, file.Length - 4) != Bytes.ReadUInt32LittleEndian(file, file.Length - 4))
            {
                return null;
            }

            PeerStream[] peers = new PeerStream[count];
            for (int i = 0; i < count; i++)
            {
                int at = HeaderBytes + (PeerBytes * i);
                ulong streamEnd = Bytes.ReadUInt64LittleEndian(file, at + 6);
                ulong consumedEnd = Bytes.ReadUInt64LittleEndian(file, at + 14);
                ulong accountedEnd = Bytes.ReadUInt64LittleEndian(file, at + 22);
                ulong lostBytes = Bytes.ReadUInt64LittleEndian(file, at + 30);
                ushort peerId = Bytes.ReadUInt16LittleEndian(file, at);
                bool ordered = streamEnd <= 0x100000000UL && consumedEnd <= streamEnd && accountedEnd <= consumedEnd && lostBytes <= accountedEnd
                    && (i == 0 || peers[i - 1].PeerId < peerId);
                if (!ordered)
                {
                    return null;
                }

                peers[i] = new PeerStream(peerId, Bytes.ReadUInt32LittleEndian(file, at + 2), (long)streamEnd, (long)consumedEnd, (long)accountedEnd, (long)lostBytes);
            }

            sequence = Bytes.ReadUInt32LittleEndian(file, 6);
            if (extra > 0)
            {
                attachment = new byte[extra - 2];
                System.Array.Copy(file, peersEnd + 2, attachment, 0, attachment.Length);
            }

            return peers;
        }
    }
}
