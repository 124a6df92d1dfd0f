namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// The plain file names the pool uses on its storage (layout in docs/storage-layout.md): two state snapshot slots
    /// written alternately, and one file per held key block.
    /// </summary>
    internal static class PoolFileNames
    {
        /// <summary>The prefix of every key block file ("kb" + peer + "_" + block id).</summary>
        public const string BlockPrefix = "kb";

        /// <summary>The prefix of the two snapshot slots ("qkp.s0", "qkp.s1").</summary>
        public const string SnapshotPrefix = "qkp.s";

        /// <summary>Returns the snapshot file name of slot 0 or 1.</summary>
        public static string Snapshot(int slot)
        {
            return SnapshotPrefix + slot.ToString();
        }

        /// <summary>Returns the block file name for a peer's block, e.g. "kb0_17".</summary>
        public static string Block(ushort peerId, uint blockId)
        {
            return BlockPrefix + peerId.ToString() + "_" + blockId.ToString();
        }

        /// <summary>Returns true for names of the pool's files (block files and snapshot slots).</summary>
        public static bool IsPoolFile(string name)
        {
            return IsBlockFile(name) || name == Snapshot(0) || name == Snapshot(1);
        }

        /// <summary>Returns true for names that look like block files.</summary>
        public static bool IsBlockFile(string name)
        {
            return name.Length > BlockPrefix.Length && name.StartsWith(BlockPrefix);
        }
    }
}
