using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// Encodes and decodes a key block file: a 23-byte header, the held key bytes and a CRC-32 of everything before
    /// it (byte layout in docs/storage-layout.md, "Block files").
    /// </summary>
    internal static class BlockFileFormat
    {
        /// <summary>Bytes before the key material.</summary>
        public const int HeaderBytes = 23;

        /// <summary>Bytes a file adds to its key material (header and CRC).</summary>
        public const int OverheadBytes = HeaderBytes + 4;

        private const byte Version = 1;

        /// <summary>Returns the file content for a held block.</summary>
        public static byte[] Encode(HeldBlock block)
        {
            byte[] file = new byte[OverheadBytes + block.Material.Length];
            file[0] = (byte)'Q';
            file[1] = (byte)'K';
            file[2] = (byte)'P';
            file[3] = (byte)'B';
            file[4] = Version;
            Bytes.WriteUInt16LittleEndian(block.PeerId, file, 5);
            Bytes.WriteUInt32LittleEndian(block.BlockId, file, 7);
            Bytes.WriteUInt32LittleEndian((uint)block.BlockOffset, file, 11);
            Bytes.WriteUInt32LittleEndian((uint)block.BlockLength, file, 15);
            Bytes.WriteUInt32LittleEndian((uint)block.HeldOffset, file, 19);
            System.Array.Copy(block.Material, 0, file, HeaderBytes, block.Material.Length);
            Bytes.WriteUInt32LittleEndian(Crc32.Compute(file, 0, file.Length - 4), file, file.Length - 4);
            return file;
        }

        /// <summary>
        /// Writes <paramref name="block"/> as file <c>kb&lt;peer&gt;_&lt;block&gt;</c> (a commit: an ingested block is
        /// durable on return) and erases the encoded copy from RAM (it holds the key bytes; the storage port keeps its
        /// own), even when the write throws.
        /// </summary>
        public static void Store(GatewayQkd.Core.Ports.IKeyStorage storage, HeldBlock block)
        {
            Put(storage, block, false);
        }

        /// <summary>
        /// Rewrites the file of a held block without its consumed prefix (<see cref="GatewayQkd.Core.Ports.IKeyStorage.Rewrite"/>:
        /// no commit, since a power cut that brings the previous content back leaves a file recovery trims again:
        /// its held offset lies below the snapshot's consumed end, PoolRecovery), erasing the encoded copy from RAM.
        /// </summary>
        public static void Rewrite(GatewayQkd.Core.Ports.IKeyStorage storage, HeldBlock block)
        {
            Put(storage, block, true);
        }

        private static void Put(GatewayQkd.Core.Ports.IKeyStorage storage, HeldBlock block, bool rewrite)
        {
            byte[] file = Encode(block);
            try
            {
                string name = PoolFileNames.Block(block.PeerId, block.BlockId);
                if (rewrite)
                {
                    storage.Rewrite(name, file, 0, file.Length);
                }
                else
                {
                    storage.Write(name, file, 0, file.Length);
                }
            }
            finally
            {
                Bytes.Erase(file);
            }
        }

        /// <summary>Reads and decodes block file <paramref name="name"/> (null when invalid); the bytes read are erased from RAM.</summary>
        public static HeldBlock Load(GatewayQkd.Core.Ports.IKeyStorage storage, string name)
        {
            byte[] file = storage.Read(name);
            try
            {
                return Decode(name, file);
            }
            finally
            {
                Bytes.Erase(file);
            }
        }

        /// <summary>
        /// Decodes a block file; returns null when the content is torn, corrupted or does not belong under
        /// <paramref name="name"/> (the caller drops such files).
        /// </summary>
        public static HeldBlock Decode(string name, byte[] file)
        {
            if (file == null || file.Length < OverheadBytes || file[0] != 'Q' || file[1] != 'K' || file[2] != 'P' || file[3] != 'B' || file[4] != Version)
            {
                return null;
            }

            if (Crc32.Compute(file, 0, file.Length - 4) != Bytes.ReadUInt32LittleEndian(file, file.Length - 4))
            {
                return null;
            }

            ushort peerId = Bytes.ReadUInt16LittleEndian(file, 5);
            uint blockId = Bytes.ReadUInt32LittleEndian(file, 7);
            long blockOffset = Bytes.ReadUInt32LittleEndian(file, 11);
            long blockLength = Bytes.ReadUInt32LittleEndian(file, 15);
            long heldOffset = Bytes.ReadUInt32LittleEndian(file, 19);
            int heldLength = file.Length - OverheadBytes;
            bool consistent = blockLength > 0 && heldOffset >= blockOffset && heldOffset + heldLength == blockOffset + blockLength
                && heldLength > 0 && blockOffset + blockLength <= 0x100000000L && name == PoolFileNames.Block(peerId, blockId);
            if (!consistent)
            {
                return null;
            }

            byte[] material = new byte[heldLength];
            System.Array.Copy(file, HeaderBytes, material, 0, heldLength);
            return new HeldBlock(peerId, blockId, blockOffset, (int)blockLength, heldOffset, material);
        }
    }
}
