namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// Decides whether a key block continues its peer's stream (blocks are numbered 0, 1, 2... and contiguous, so the
    /// next block must carry the next id and start at the stream end) or what else it is.
    /// </summary>
    internal static class IngestRules
    {
        /// <summary>
        /// Returns <see cref="IngestResult.Accepted"/> when <paramref name="block"/> continues the stream of
        /// <paramref name="peer"/> (null: a peer not seen yet, whose stream starts with block 0 at offset 0) or fills a
        /// hole from its start (<see cref="MissingBlocks.IsFilledBy"/>); otherwise
        /// the reason it cannot be accepted. Capacity limits are not checked here.
        /// </summary>
        public static IngestResult Judge(PeerStream peer, KeyBlock block)
        {
            uint nextId = peer == null ? 0 : peer.NextBlockId;
            long streamEnd = peer == null ? 0 : peer.StreamEnd;
            long offset = block.Offset;
            long end = offset + block.Material.Length;
            if (block.BlockId == nextId && offset == streamEnd)
            {
                return IngestResult.Accepted;
            }

            if (peer != null && peer.HoleFilledBy(block) != null)
            {
                return IngestResult.Accepted; // the first block missing from a hole recovery found (resent by the central server)
            }

            if (block.BlockId >= nextId && offset >= streamEnd)
            {
                return IngestResult.Gap;
            }

            HeldBlock held = peer == null ? null : peer.FindBlock(block.BlockId);
            if (held != null)
            {
                return IsCopyOf(block, held) ? IngestResult.Duplicate : IngestResult.Mismatch;
            }

            if (block.BlockId < nextId && end <= peer.ConsumedEnd)
            {
                return IngestResult.AlreadyConsumed;
            }

            return offset < streamEnd ? IngestResult.Overlap : IngestResult.Mismatch;
        }

        private static bool IsCopyOf(KeyBlock block, HeldBlock held)
        {
            if (block.Offset != held.BlockOffset || block.Material.Length != held.BlockLength)
            {
                return false;
            }

            // Bytes before HeldOffset are consumed and erased; compare the part still held.
            int skip = (int)(held.HeldOffset - held.BlockOffset);
            for (int i = 0; i < held.Material.Length; i++)
            {
                if (block.Material[skip + i] != held.Material[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
