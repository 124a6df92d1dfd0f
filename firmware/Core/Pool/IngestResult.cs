namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// The outcome of <see cref="KeyPool.Ingest"/>. Only <see cref="Accepted"/> changes the pool; every other value
    /// leaves pool and storage exactly as they were.
    /// </summary>
    public enum IngestResult
    {
        /// <summary>The block continued the peer's stream and is stored durably.</summary>
        Accepted = 0,

        /// <summary>The block is an exact copy of a block the pool holds (id, offset, length and the still-held bytes agree); nothing to do.</summary>
        Duplicate = 1,

        /// <summary>The block lies wholly in the consumed part of the stream, whose bytes are erased, so it is ignored unverified.</summary>
        AlreadyConsumed = 2,

        /// <summary>The block starts past the stream end or skips block ids: blocks are missing in between.</summary>
        Gap = 3,

        /// <summary>The block overlaps the already-ingested part of the stream without being one of its blocks.</summary>
        Overlap = 4,

        /// <summary>The block's id, offset, length or bytes contradict a block the pool holds.</summary>
        Mismatch = 5,

        /// <summary>Storing the block would exceed the pool's capacity in bits.</summary>
        CapacityExceeded = 6,

        /// <summary>The block is longer than <see cref="KeyPool.MaxBlockBytes"/>.</summary>
        BlockTooLarge = 7,

        /// <summary>The pool already holds its maximum number of block files.</summary>
        BlockLimitReached = 8,

        /// <summary>The block is for a new peer but the pool already serves <see cref="KeyPool.MaxPeers"/> peers.</summary>
        TooManyPeers = 9,
    }
}
