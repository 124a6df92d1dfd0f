namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// The virtual pool of one peer: where its key stream stands and the blocks still held. Stream positions are byte
    /// offsets; 0 &lt;= AccountedEnd &lt;= ConsumedEnd &lt;= StreamEnd &lt;= 2^32. Bytes below ConsumedEnd are consumed
    /// (never issued again); bytes below AccountedEnd are either known handed out or counted in LostBytes; the held
    /// blocks and the holes (<see cref="MissingBlocks"/>, blocks whose files recovery found corrupt) together cover
    /// exactly [ConsumedEnd, StreamEnd), in stream order, and the held blocks start at ConsumedEnd unless a hole does.
    /// </summary>
    internal sealed class PeerStream
    {
        /// <summary>Creates the state of a peer.</summary>
        public PeerStream(ushort peerId, uint nextBlockId, long streamEnd, long consumedEnd, long accountedEnd, long lostBytes)
        {
            PeerId = peerId;
            NextBlockId = nextBlockId;
            StreamEnd = streamEnd;
            ConsumedEnd = consumedEnd;
            AccountedEnd = accountedEnd;
            LostBytes = lostBytes;
            Blocks = new System.Collections.ArrayList();
            Holes = new System.Collections.ArrayList();
        }

        /// <summary>Gets the peer id.</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets or sets the id the next ingested block must carry.</summary>
        public uint NextBlockId { get; set; }

        /// <summary>Gets or sets the offset the next ingested block must start at.</summary>
        public long StreamEnd { get; set; }

        /// <summary>Gets or sets the first byte not consumed.</summary>
        public long ConsumedEnd { get; set; }

        /// <summary>Gets or sets the first byte neither known handed out nor counted lost.</summary>
        public long AccountedEnd { get; set; }

        /// <summary>Gets or sets the bytes consumed but never known handed out (cumulative over the pool's life).</summary>
        public long LostBytes { get; set; }

        /// <summary>Gets the held blocks (HeldBlock) in stream order.</summary>
        public System.Collections.ArrayList Blocks { get; private set; }

        /// <summary>Gets the holes (MissingBlocks) in stream order; empty unless recovery found corrupt block files.</summary>
        public System.Collections.ArrayList Holes { get; private set; }

        /// <summary>Gets the bytes available for taking now: the contiguous run from ConsumedEnd up to the first hole.</summary>
        public long AvailableBytes
        {
            get { return (Holes.Count == 0 ? StreamEnd : ((MissingBlocks)Holes[0]).Start) - ConsumedEnd; }
        }

        /// <summary>Gets the bytes held in block files (available now or behind a hole).</summary>
        public long HeldBytes
        {
            get
            {
                long bytes = StreamEnd - ConsumedEnd;
                for (int i = 0; i < Holes.Count; i++)
                {
                    bytes -= ((MissingBlocks)Holes[i]).Length;
                }

                return bytes;
            }
        }

        /// <summary>Returns the hole <paramref name="block"/> fills (its first missing block), or null.</summary>
        public MissingBlocks HoleFilledBy(KeyBlock block)
        {
            for (int i = 0; i < Holes.Count; i++)
            {
                MissingBlocks hole = (MissingBlocks)Holes[i];
                if (hole.IsFilledBy(block))
                {
                    return hole;
                }
            }

            return null;
        }

        /// <summary>Inserts a held block in stream (id) order.</summary>
        public void InsertBlock(HeldBlock block)
        {
            int at = Blocks.Count;
            while (at > 0 && ((HeldBlock)Blocks[at - 1]).BlockId > block.BlockId)
            {
                at--;
            }

            Blocks.Insert(at, block);
        }

        /// <summary>Returns the held block with this id, or null.</summary>
        public HeldBlock FindBlock(uint blockId)
        {
            for (int i = 0; i < Blocks.Count; i++)
            {
                HeldBlock block = (HeldBlock)Blocks[i];
                if (block.BlockId == blockId)
                {
                    return block;
                }
            }

            return null;
        }
    }
}
