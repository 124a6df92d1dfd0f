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
            LittleEndian.PutUInt16(file, 5, block.PeerId);
            LittleEndian.PutUInt32(file, 7, block.BlockId);
            LittleEndian.PutUInt32(file, 11, (uint)block.BlockOffset);
            LittleEndian.PutUInt32(file, 15, (uint)block.BlockLength);
            LittleEndian.PutUInt32(file, 19, (uint)block.HeldOffset);
            System.Array.Copy(block.Material, 0, file, HeaderBytes, block.Material.Length);
            LittleEndian.PutUInt32(file, file.Length - 4, Crc32.Compute(file, 0, file.Length - 4));
            return file;
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

            if (Crc32.Compute(file, 0, file.Length - 4) != LittleEndian.GetUInt32(file, file.Length - 4))
            {
                return null;
            }

            ushort peerId = LittleEndian.GetUInt16(file, 5);
            uint blockId = LittleEndian.GetUInt32(file, 7);
            long blockOffset = LittleEndian.GetUInt32(file, 11);
            long blockLength = LittleEndian.GetUInt32(file, 15);
            long heldOffset = LittleEndian.GetUInt32(file, 19);
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
