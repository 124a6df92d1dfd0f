namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// A hole in a peer's held key stream: blocks <see cref="FirstBlockId"/> .. <see cref="EndBlockId"/> - 1 covering stream
    /// bytes [<see cref="Start"/>, <see cref="End"/>) were acknowledged once but their files were found corrupt or missing
    /// at recovery, while blocks on both sides are intact (docs/storage-layout.md, "Holes"). The central server can send
    /// them again (a resent block fills the hole from its start); the gateway writes off what is not refilled in time.
    /// </summary>
    public sealed class MissingBlocks
    {
        /// <summary>Creates a hole.</summary>
        public MissingBlocks(uint firstBlockId, uint endBlockId, long start, long end)
        {
            FirstBlockId = firstBlockId;
            EndBlockId = endBlockId;
            Start = start;
            End = end;
        }

        /// <summary>Gets the id of the first missing block (the only one a refill may carry).</summary>
        public uint FirstBlockId { get; private set; }

        /// <summary>Gets the id of the intact block after the hole (or the stream's next block id): one past the last missing id.</summary>
        public uint EndBlockId { get; private set; }

        /// <summary>Gets the stream offset of the first missing byte.</summary>
        public long Start { get; private set; }

        /// <summary>Gets the stream offset one past the last missing byte.</summary>
        public long End { get; private set; }

        /// <summary>Gets the number of missing blocks.</summary>
        public uint BlockCount
        {
            get { return EndBlockId - FirstBlockId; }
        }

        /// <summary>Gets the number of missing bytes.</summary>
        public long Length
        {
            get { return End - Start; }
        }

        /// <summary>
        /// Returns true when <paramref name="block"/> is the hole's first missing block: it carries the first missing id,
        /// starts at the hole, stays inside it, and ends exactly at the hole's end if and only if it is the last missing block.
        /// </summary>
        public bool IsFilledBy(KeyBlock block)
        {
            long end = (long)block.Offset + block.Material.Length;
            bool last = block.BlockId + 1 == EndBlockId;
            return block.BlockId == FirstBlockId && block.Offset == Start && end <= End && (end == End) == last;
        }

        /// <summary>Shrinks the hole past a block that filled it; returns true when the hole is closed.</summary>
        internal bool Fill(KeyBlock block)
        {
            FirstBlockId = block.BlockId + 1;
            Start = (long)block.Offset + block.Material.Length;
            return Start == End;
        }
    }
}
