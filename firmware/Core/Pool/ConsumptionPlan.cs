namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// One take cut from the front of a peer's held blocks: the key bytes handed out, the block files to delete
    /// (wholly consumed) and the block file to rewrite without its consumed prefix (if the take ends inside a block).
    /// </summary>
    internal sealed class ConsumptionPlan
    {
        private readonly string[] _deletions;
        private readonly HeldBlock _rewrite;

        private ConsumptionPlan(ushort peerId, byte[] material, string[] deletions, HeldBlock rewrite)
        {
            PeerId = peerId;
            Material = material;
            _deletions = deletions;
            _rewrite = rewrite;
        }

        /// <summary>Gets the peer whose stream the bytes were cut from.</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets the key bytes taken.</summary>
        public byte[] Material { get; private set; }

        /// <summary>
        /// Takes <paramref name="length"/> bytes (at most the available ones) from the front of the peer's held blocks
        /// in memory and returns the plan for the files; the caller advances the consumed position.
        /// </summary>
        public static ConsumptionPlan Cut(PeerStream peer, int length)
        {
            byte[] material = new byte[length];
            System.Collections.ArrayList deletions = new System.Collections.ArrayList();
            HeldBlock rewrite = null;
            int copied = 0;
            while (copied < length)
            {
                HeldBlock front = (HeldBlock)peer.Blocks[0];
                int part = front.Material.Length;
                if (part > length - copied)
                {
                    part = length - copied;
                }

                System.Array.Copy(front.Material, 0, material, copied, part);
                copied += part;
                if (part == front.Material.Length)
                {
                    deletions.Add(PoolFileNames.Block(front.PeerId, front.BlockId));
                    peer.Blocks.RemoveAt(0);
                    front.Erase();
                }
                else
                {
                    rewrite = front.Without(front.HeldOffset + part);
                    peer.Blocks[0] = rewrite;
                }
            }

            return new ConsumptionPlan(peer.PeerId, material, (string[])deletions.ToArray(typeof(string)), rewrite);
        }

        /// <summary>
        /// Erases the consumed bytes from storage: one delete per emptied block and, when <paramref name="rewritePartial"/>,
        /// one rewrite of a partly consumed block without its consumed prefix, unless a later take of the same group
        /// commit cut that block further (it is no longer in <paramref name="heldBlocks"/>, the peer's blocks; the later
        /// plan writes or deletes it).
        /// </summary>
        public void EraseFrom(GatewayQkd.Core.Ports.IKeyStorage storage, bool rewritePartial, System.Collections.ArrayList heldBlocks)
        {
            for (int i = 0; i < _deletions.Length; i++)
            {
                storage.Delete(_deletions[i]);
            }

            if (_rewrite != null && rewritePartial && heldBlocks.Contains(_rewrite))
            {
                BlockFileFormat.Rewrite(storage, _rewrite);
            }
        }
    }
}
