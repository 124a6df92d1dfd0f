using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// The gateway's quantum key pool (QKP): one virtual pool per peer (0 = central server, others = gateways), fed
    /// with contiguous key blocks and drained by <see cref="Take"/>, durable on an <see cref="IKeyStorage"/>.
    /// </summary>
    /// <remarks>
    /// Guarantees (docs/storage-layout.md gives the files and the argument): a block is on storage before
    /// <see cref="Ingest"/> reports it accepted; a range is durably marked consumed before <see cref="Take"/> returns
    /// any of its bytes, so no range is ever issued twice, across power cuts at any point; consumed bytes are removed
    /// from the files before Take returns. After a restart, <see cref="Open(IKeyStorage)"/> counts the ranges consumed
    /// but not known handed out as lost (<see cref="LostBits"/>). Not thread-safe: the caller serialises calls.
    /// </remarks>
    public sealed class KeyPool
    {
        /// <summary>The default capacity: 64 KiB of key, 524,288 bits (sizing argued in docs/storage-layout.md).</summary>
        public const long DefaultCapacityBits = 524288;

        /// <summary>The default limit on held block files (bounds the flash used, docs/storage-layout.md).</summary>
        public const int DefaultMaxBlocks = 24;

        /// <summary>The longest block accepted: a block file (27 bytes of framing) then fits one 4,096-byte LittleFS block.</summary>
        public const int MaxBlockBytes = 4096 - BlockFileFormat.OverheadBytes;

        /// <summary>The most peers the pool serves (bounds the snapshot to 622 bytes).</summary>
        public const int MaxPeers = 16;

        private readonly IKeyStorage _storage;
        private readonly long _capacityBits;
        private readonly int _maxBlocks;
        private readonly bool _erasePartialBlocks;
        private readonly System.Collections.ArrayList _peers;
        private readonly RecoveryReport _lastRecovery;
        private readonly System.Collections.ArrayList _reserved = new System.Collections.ArrayList();
        private byte[] _attachment;
        private uint _sequence;

        private KeyPool(IKeyStorage storage, long capacityBits, int maxBlocks, bool erasePartialBlocks, PoolRecovery recovery)
        {
            _storage = storage;
            _capacityBits = capacityBits;
            _maxBlocks = maxBlocks;
            _erasePartialBlocks = erasePartialBlocks;
            _peers = recovery.Peers;
            _sequence = recovery.Sequence;
            _lastRecovery = recovery.Report;
            _attachment = recovery.Attachment;
        }

        /// <summary>
        /// Returns true for the pool's two snapshot slot files. The pool never overwrites the slot holding its newest
        /// valid snapshot and trusts a slot only when its length and CRC-32 check, so a torn write of a slot costs at
        /// most that write (made before anything depends on it), never the state: storage may overwrite these files in
        /// place, with one fsync, where other files need a copy-and-rename (docs/storage-layout.md, "Commits").
        /// </summary>
        public static bool IsSnapshotFile(string name)
        {
            return name == PoolFileNames.Snapshot(0) || name == PoolFileNames.Snapshot(1);
        }

        /// <summary>Gets the capacity: the most bits the pool holds available at once.</summary>
        public long CapacityBits
        {
            get { return _capacityBits; }
        }

        /// <summary>Gets the limit on held block files.</summary>
        public int MaxBlocks
        {
            get { return _maxBlocks; }
        }

        /// <summary>Gets what the recovery at <see cref="Open(IKeyStorage)"/> found.</summary>
        public RecoveryReport LastRecovery
        {
            get { return _lastRecovery; }
        }

        /// <summary>
        /// Gets a copy of the attachment of the last committed snapshot (the caller state of the last
        /// <see cref="Commit"/>, or what recovery found), or null when there is none.
        /// </summary>
        public byte[] Attachment
        {
            get
            {
                if (_attachment == null)
                {
                    return null;
                }

                byte[] copy = new byte[_attachment.Length];
                System.Array.Copy(_attachment, copy, copy.Length);
                return copy;
            }
        }

        /// <summary>Gets the number of ranges reserved since the last <see cref="Commit"/> (their bytes must not leave yet).</summary>
        public int ReservedCount
        {
            get { return _reserved.Count; }
        }

        /// <summary>Gets the bits available over all peers.</summary>
        public long TotalAvailableBits
        {
            get
            {
                long bytes = 0;
                for (int i = 0; i < _peers.Count; i++)
                {
                    bytes += ((PeerStream)_peers[i]).AvailableBytes;
                }

                return bytes * 8;
            }
        }

        /// <summary>Gets the bits counted lost over all peers during the pool's life.</summary>
        public long TotalLostBits
        {
            get
            {
                long bytes = 0;
                for (int i = 0; i < _peers.Count; i++)
                {
                    bytes += ((PeerStream)_peers[i]).LostBytes;
                }

                return bytes * 8;
            }
        }

        /// <summary>Gets the bits held in block files over all peers (available now or behind a hole); the capacity bounds this.</summary>
        public long TotalHeldBits
        {
            get
            {
                long bytes = 0;
                for (int i = 0; i < _peers.Count; i++)
                {
                    bytes += ((PeerStream)_peers[i]).HeldBytes;
                }

                return bytes * 8;
            }
        }

        /// <summary>Gets the number of block files held over all peers.</summary>
        public int HeldBlockCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < _peers.Count; i++)
                {
                    count += ((PeerStream)_peers[i]).Blocks.Count;
                }

                return count;
            }
        }

        /// <summary>Gets the ids of the peers the pool has received blocks from, ascending.</summary>
        public ushort[] PeerIds
        {
            get
            {
                ushort[] ids = new ushort[_peers.Count];
                for (int i = 0; i < ids.Length; i++)
                {
                    ids[i] = ((PeerStream)_peers[i]).PeerId;
                }

                return ids;
            }
        }

        /// <summary>Opens the pool on <paramref name="storage"/> with the default limits, recovering its state.</summary>
        public static KeyPool Open(IKeyStorage storage)
        {
            return Open(storage, DefaultCapacityBits, DefaultMaxBlocks);
        }

        /// <summary>
        /// Opens the pool on <paramref name="storage"/>, rebuilding its state from the files: torn or corrupt files are
        /// dropped, unfinished erasures completed, and ranges consumed but not known handed out counted lost.
        /// </summary>
        public static KeyPool Open(IKeyStorage storage, long capacityBits, int maxBlocks)
        {
            return Open(storage, capacityBits, maxBlocks, true);
        }

        /// <summary>
        /// Opens the pool as <see cref="Open(IKeyStorage, long, int)"/> does; with <paramref name="erasePartialBlocks"/>
        /// false a take leaves the consumed prefix of a partly consumed block in its file until the block is emptied
        /// (or the next start-up), saving one block rewrite per take at the price of consumed key lingering in flash
        /// (trade-off in docs/storage-layout.md, "Wear").
        /// </summary>
        public static KeyPool Open(IKeyStorage storage, long capacityBits, int maxBlocks, bool erasePartialBlocks)
        {
            if (storage == null)
            {
                throw new System.ArgumentNullException("storage");
            }

            if (capacityBits < 8)
            {
                throw new System.ArgumentOutOfRangeException("capacityBits", "The capacity must hold at least one byte.");
            }

            if (maxBlocks < 1)
            {
                throw new System.ArgumentOutOfRangeException("maxBlocks", "The pool must be allowed at least one block file.");
            }

            return new KeyPool(storage, capacityBits, maxBlocks, erasePartialBlocks, PoolRecovery.Run(storage));
        }

        /// <summary>Returns the bits available from <paramref name="peerId"/> (0 for an unknown peer).</summary>
        public long AvailableBits(ushort peerId)
        {
            PeerStream peer = FindPeer(peerId);
            return peer == null ? 0 : peer.AvailableBytes * 8;
        }

        /// <summary>
        /// Returns the holes of <paramref name="peerId"/>'s stream (blocks recovery found corrupt or missing between
        /// intact ones), in stream order; empty when there are none. Bytes behind a hole are held but not available
        /// until the hole is refilled (<see cref="Ingest"/>) or written off (<see cref="WriteOffFirstHole"/>).
        /// </summary>
        public MissingBlocks[] Holes(ushort peerId)
        {
            PeerStream peer = FindPeer(peerId);
            return peer == null ? new MissingBlocks[0] : (MissingBlocks[])peer.Holes.ToArray(typeof(MissingBlocks));
        }

        /// <summary>
        /// Writes off the first hole of <paramref name="peerId"/>'s stream and the held bytes before it (none when the takes
        /// have reached the hole): they are counted lost, erased like a take's, and the stream continues after the hole,
        /// durably (one snapshot commit, then the erasures). Returns the bits written off, 0 when there is no hole. Used
        /// when the central server did not resend the hole's blocks in time; a block resent later is already consumed.
        /// </summary>
        public long WriteOffFirstHole(ushort peerId)
        {
            RequireNoReservations();
            PeerStream peer = FindPeer(peerId);
            if (peer == null || peer.Holes.Count == 0)
            {
                return 0;
            }

            MissingBlocks hole = (MissingBlocks)peer.Holes[0];
            long run = hole.Start - peer.ConsumedEnd;
            ConsumptionPlan plan = run > 0 ? ConsumptionPlan.Cut(peer, (int)run) : null;
            if (plan != null)
            {
                GatewayQkd.Core.Crypto.Bytes.Erase(plan.Material); // written off, never handed out
            }

            peer.Holes.RemoveAt(0);
            long lost = hole.End - peer.ConsumedEnd;
            peer.LostBytes += lost;
            peer.ConsumedEnd = hole.End;
            peer.AccountedEnd = hole.End;
            WriteSnapshot(_attachment);
            if (plan != null)
            {
                plan.EraseFrom(_storage, _erasePartialBlocks, peer.Blocks);
            }

            return lost * 8;
        }

        /// <summary>Returns the bits of <paramref name="peerId"/>'s stream counted lost during the pool's life.</summary>
        public long LostBits(ushort peerId)
        {
            PeerStream peer = FindPeer(peerId);
            return peer == null ? 0 : peer.LostBytes * 8;
        }

        /// <summary>Returns the stream offset the next block of <paramref name="peerId"/> must start at.</summary>
        public long StreamEnd(ushort peerId)
        {
            PeerStream peer = FindPeer(peerId);
            return peer == null ? 0 : peer.StreamEnd;
        }

        /// <summary>Returns the id the next block of <paramref name="peerId"/> must carry.</summary>
        public uint NextBlockId(ushort peerId)
        {
            PeerStream peer = FindPeer(peerId);
            return peer == null ? 0 : peer.NextBlockId;
        }

        /// <summary>Returns the first stream offset of <paramref name="peerId"/> not yet consumed (the next Take starts there).</summary>
        public long ConsumedEnd(ushort peerId)
        {
            PeerStream peer = FindPeer(peerId);
            return peer == null ? 0 : peer.ConsumedEnd;
        }

        /// <summary>
        /// Adds a key block: accepted (and durably stored, one storage commit) only when it continues its peer's stream;
        /// any other result changes nothing (see <see cref="IngestResult"/>).
        /// </summary>
        public IngestResult Ingest(KeyBlock block)
        {
            if (block == null)
            {
                throw new System.ArgumentNullException("block");
            }

            PeerStream peer = FindPeer(block.PeerId);
            IngestResult verdict = IngestRules.Judge(peer, block);
            if (verdict != IngestResult.Accepted)
            {
                return verdict;
            }

            if (block.Material.Length > MaxBlockBytes)
            {
                return IngestResult.BlockTooLarge;
            }

            if (peer == null && _peers.Count >= MaxPeers)
            {
                return IngestResult.TooManyPeers;
            }

            if (TotalHeldBits + block.Bits > _capacityBits)
            {
                return IngestResult.CapacityExceeded;
            }

            if (HeldBlockCount >= _maxBlocks)
            {
                return IngestResult.BlockLimitReached;
            }

            byte[] material = new byte[block.Material.Length];
            System.Array.Copy(block.Material, material, material.Length);
            HeldBlock held = new HeldBlock(block.PeerId, block.BlockId, block.Offset, material.Length, block.Offset, material);
            try
            {
                BlockFileFormat.Store(_storage, held);
            }
            catch (System.Exception)
            {
                held.Erase();
                throw;
            }

            MissingBlocks hole = peer == null ? null : peer.HoleFilledBy(block);
            if (hole != null)
            {
                peer.InsertBlock(held);
                if (hole.Fill(block))
                {
                    peer.Holes.Remove(hole);
                }

                return IngestResult.Accepted;
            }

            if (peer == null)
            {
                peer = new PeerStream(block.PeerId, 0, 0, 0, 0, 0);
                InsertPeer(peer);
            }

            peer.Blocks.Add(held);
            peer.NextBlockId = block.BlockId + 1;
            peer.StreamEnd = held.End;
            return IngestResult.Accepted;
        }

        /// <summary>
        /// Takes the next <paramref name="lengthBytes"/> bytes of <paramref name="peerId"/>'s stream: durably marks them
        /// consumed (one snapshot commit), erases them from the block files, then returns their key id and bytes.
        /// </summary>
        /// <remarks>
        /// Storage commits: 1 snapshot write, plus 1 delete per block the take empties, plus 1 rewrite when it ends
        /// inside a block (unless the pool was opened not to erase partial blocks). If a storage call throws, the range stays consumed and is counted lost (never issued).
        /// </remarks>
        public TakeResult Take(ushort peerId, int lengthBytes)
        {
            RequireNoReservations();
            TakeResult taken = Reserve(peerId, lengthBytes);
            if (taken.IsTaken)
            {
                Commit(null); // a group commit of one
            }

            return taken;
        }

        /// <summary>
        /// Group commit, step 1: cuts the next <paramref name="lengthBytes"/> bytes of <paramref name="peerId"/>'s stream
        /// in RAM and returns their key id and bytes, writing nothing. The bytes must not leave the device before
        /// <see cref="Commit"/> has returned: only then is their consumption durable (until then a restart finds them
        /// unconsumed and may issue them again). Refusals are those of <see cref="Take"/>.
        /// </summary>
        public TakeResult Reserve(ushort peerId, int lengthBytes)
        {
            if (lengthBytes <= 0)
            {
                throw new System.ArgumentOutOfRangeException("lengthBytes", "A key must be at least one byte long.");
            }

            PeerStream peer = FindPeer(peerId);
            if (peer == null)
            {
                return TakeResult.Refused(TakeStatus.UnknownPeer);
            }

            if (lengthBytes > peer.AvailableBytes)
            {
                return TakeResult.Refused(TakeStatus.InsufficientKey);
            }

            long start = peer.ConsumedEnd;
            ConsumptionPlan plan = ConsumptionPlan.Cut(peer, lengthBytes);
            peer.ConsumedEnd = start + lengthBytes;
            _reserved.Add(plan);
            return TakeResult.Taken(new KeyRange(peerId, (uint)start, lengthBytes), plan.Material);
        }

        /// <summary>
        /// Group commit, step 2: one snapshot write makes every range reserved since the last commit durably consumed
        /// and stores <paramref name="attachment"/> (caller state, e.g. replay marks; null keeps the last one) in the
        /// same write; then the consumed bytes are erased from the block files (one delete per emptied block, at most
        /// one rewrite per partly consumed block, however many ranges came from it). Also valid with no reservations
        /// (commits only the attachment). If a storage call throws, every reserved range stays consumed and is counted
        /// lost (never issued); the exception reaches the caller, who must then not hand the bytes out.
        /// </summary>
        public void Commit(byte[] attachment)
        {
            if (attachment != null && attachment.Length > SnapshotFormat.MaxAttachmentBytes)
            {
                throw new System.ArgumentOutOfRangeException("attachment", "An attachment holds at most " + SnapshotFormat.MaxAttachmentBytes.ToString() + " bytes.");
            }

            try
            {
                WriteSnapshot(attachment == null ? _attachment : attachment);
                for (int i = 0; i < _reserved.Count; i++)
                {
                    ConsumptionPlan plan = (ConsumptionPlan)_reserved[i];
                    plan.EraseFrom(_storage, _erasePartialBlocks, FindPeer(plan.PeerId).Blocks);
                }
            }
            catch (System.Exception)
            {
                AccountAll(true);
                throw;
            }

            AccountAll(false);
        }

        /// <summary>
        /// Erases all key material (the zeroize button): first durably marks every held byte consumed, then deletes all
        /// block files. Stream positions and loss counters stay, so blocks sent again are not re-accepted and no range is
        /// ever issued twice. Returns the bits erased.
        /// </summary>
        public long Zeroize()
        {
            RequireNoReservations();
            long erasedBytes = 0;
            for (int i = 0; i < _peers.Count; i++)
            {
                PeerStream peer = (PeerStream)_peers[i];
                erasedBytes += peer.HeldBytes;
                peer.Holes.Clear();
                peer.ConsumedEnd = peer.StreamEnd;
                peer.AccountedEnd = peer.StreamEnd;
                for (int b = 0; b < peer.Blocks.Count; b++)
                {
                    ((HeldBlock)peer.Blocks[b]).Erase();
                }

                peer.Blocks.Clear();
            }

            WriteSnapshot(_attachment);
            string[] names = _storage.ListFiles();
            for (int i = 0; i < names.Length; i++)
            {
                if (PoolFileNames.IsBlockFile(names[i]))
                {
                    _storage.Delete(names[i]);
                }
            }

            return erasedBytes * 8;
        }

        private void WriteSnapshot(byte[] attachment)
        {
            uint next = _sequence + 1;
            byte[] file = SnapshotFormat.Encode(next, _peers, attachment);
            _storage.Write(PoolFileNames.Snapshot((int)(next & 1)), file, 0, file.Length);
            _sequence = next;
            _attachment = attachment;
        }

        // Ends a group commit: the reserved ranges are handed out (committed) or, when the commit failed, counted lost.
        private void AccountAll(bool failed)
        {
            for (int i = 0; i < _peers.Count; i++)
            {
                PeerStream peer = (PeerStream)_peers[i];
                if (failed)
                {
                    peer.LostBytes += peer.ConsumedEnd - peer.AccountedEnd;
                }

                peer.AccountedEnd = peer.ConsumedEnd;
            }

            _reserved.Clear();
        }

        private void RequireNoReservations()
        {
            if (_reserved.Count > 0)
            {
                throw new System.InvalidOperationException("Ranges are reserved but not committed; call Commit first.");
            }
        }

        private PeerStream FindPeer(ushort peerId)
        {
            for (int i = 0; i < _peers.Count; i++)
            {
                PeerStream peer = (PeerStream)_peers[i];
                if (peer.PeerId == peerId)
                {
                    return peer;
                }
            }

            return null;
        }

        private void InsertPeer(PeerStream peer)
        {
            int at = 0;
            while (at < _peers.Count && ((PeerStream)_peers[at]).PeerId < peer.PeerId)
            {
                at++;
            }

            _peers.Insert(at, peer);
        }
    }
}
