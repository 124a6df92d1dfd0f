using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// Start-up recovery: rebuilds the per-peer state from the newest valid snapshot and the valid block files, drops
    /// torn files, counts consumed-but-not-known-handed-out ranges as lost, persists that, then finishes erasures a
    /// power cut interrupted. Idempotent: a cut during recovery leaves storage that recovers to the same state.
    /// </summary>
    internal sealed class PoolRecovery
    {
        private readonly IKeyStorage _storage;
        private readonly System.Collections.ArrayList _dropped = new System.Collections.ArrayList();
        private readonly System.Collections.ArrayList _lost = new System.Collections.ArrayList();
        private readonly System.Collections.ArrayList _deletions = new System.Collections.ArrayList();
        private readonly System.Collections.ArrayList _rewrites = new System.Collections.ArrayList();
        private int _erasures;

        private PoolRecovery(IKeyStorage storage)
        {
            _storage = storage;
            Peers = new System.Collections.ArrayList();
        }

        /// <summary>Gets the recovered peers (PeerStream, ascending id).</summary>
        public System.Collections.ArrayList Peers { get; private set; }

        /// <summary>Gets the sequence number of the newest snapshot on storage.</summary>
        public uint Sequence { get; private set; }

        /// <summary>Gets the attachment of the newest valid snapshot (caller state committed with it), or null.</summary>
        public byte[] Attachment { get; private set; }

        /// <summary>Gets the report.</summary>
        public RecoveryReport Report { get; private set; }

        /// <summary>Recovers the pool state from <paramref name="storage"/>.</summary>
        public static PoolRecovery Run(IKeyStorage storage)
        {
            PoolRecovery recovery = new PoolRecovery(storage);
            recovery.Recover();
            return recovery;
        }

        private void Recover()
        {
            string[] names = _storage.ListFiles();
            LoadSnapshot(names);
            HeldBlock[] found = LoadBlocks(names);
            for (int i = 0; i < found.Length; i++)
            {
                if (PeerOf(found[i].PeerId) == null)
                {
                    InsertPeer(new PeerStream(found[i].PeerId, 0, 0, 0, 0, 0));
                }
            }

            bool changed = false;
            for (int p = 0; p < Peers.Count; p++)
            {
                PeerStream peer = (PeerStream)Peers[p];
                ExtendStream(peer, found);
                AttachHeld(peer, found);
                if (peer.AccountedEnd < peer.ConsumedEnd)
                {
                    // Consumed durably but not known handed out: the take may have returned or not; burn it (docs/architecture.md, invariants).
                    _lost.Add(new KeyRange(peer.PeerId, (uint)peer.AccountedEnd, (int)(peer.ConsumedEnd - peer.AccountedEnd)));
                    peer.LostBytes += peer.ConsumedEnd - peer.AccountedEnd;
                    peer.AccountedEnd = peer.ConsumedEnd;
                    changed = true;
                }
            }

            if (changed)
            {
                uint next = Sequence + 1;
                byte[] file = SnapshotFormat.Encode(next, Peers, Attachment);
                _storage.Write(PoolFileNames.Snapshot((int)(next & 1)), file, 0, file.Length);
                Sequence = next;
            }

            FinishErasures();
            EraseUnattached(found);
            Report = new RecoveryReport(
                (KeyRange[])_lost.ToArray(typeof(KeyRange)),
                (string[])_dropped.ToArray(typeof(string)),
                _erasures);
        }

        private void LoadSnapshot(string[] names)
        {
            PeerStream[] best = null;
            for (int slot = 0; slot < 2; slot++)
            {
                string name = PoolFileNames.Snapshot(slot);
                if (!Contains(names, name))
                {
                    continue;
                }

                uint sequence;
                byte[] attachment;
                PeerStream[] peers = SnapshotFormat.Decode(_storage.Read(name), out sequence, out attachment);
                if (peers == null)
                {
                    _dropped.Add(name); // torn or corrupt: ignored here, overwritten by the next snapshot write
                }
                else if (best == null || sequence > Sequence)
                {
                    best = peers;
                    Sequence = sequence;
                    Attachment = attachment;
                }
            }

            for (int i = 0; best != null && i < best.Length; i++)
            {
                Peers.Add(best[i]);
            }
        }

        private HeldBlock[] LoadBlocks(string[] names)
        {
            System.Collections.ArrayList found = new System.Collections.ArrayList();
            for (int i = 0; i < names.Length; i++)
            {
                if (!PoolFileNames.IsBlockFile(names[i]))
                {
                    continue;
                }

                HeldBlock block = BlockFileFormat.Load(_storage, names[i]);
                if (block == null)
                {
                    Drop(names[i]); // a torn write of an ingest that never reported success
                }
                else
                {
                    InsertOrdered(found, block);
                }
            }

            return (HeldBlock[])found.ToArray(typeof(HeldBlock));
        }

        // Blocks ingested after the snapshot extend the stream. Ingests are sequential, so each such block lies past the
        // previous one; a block file found corrupt in between leaves a hole (ids and bytes known from its neighbours)
        // that the central server can fill again, instead of cutting off every later block. A block that contradicts
        // the order (only possible for a file that was not written by the pool) is dropped.
        private void ExtendStream(PeerStream peer, HeldBlock[] found)
        {
            uint snapshotNext = peer.NextBlockId;
            long snapshotEnd = peer.StreamEnd;
            for (int i = 0; i < found.Length; i++)
            {
                HeldBlock block = found[i];
                if (block == null || block.PeerId != peer.PeerId)
                {
                    continue;
                }

                bool fits;
                if (block.BlockId < snapshotNext)
                {
                    fits = block.End <= snapshotEnd;
                }
                else
                {
                    bool adjacent = block.BlockId == peer.NextBlockId;
                    fits = block.BlockId >= peer.NextBlockId && block.HeldOffset == block.BlockOffset
                        && block.BlockOffset >= peer.StreamEnd && adjacent == (block.BlockOffset == peer.StreamEnd);
                    if (fits)
                    {
                        peer.NextBlockId = block.BlockId + 1;
                        peer.StreamEnd = block.End;
                    }
                }

                if (!fits)
                {
                    Drop(PoolFileNames.Block(block.PeerId, block.BlockId));
                    block.Erase();
                    found[i] = null;
                }
            }
        }

        // Attaches the held blocks in stream order: consumed ones are erased; a gap between two intact blocks (or after
        // the last one, up to the stream end) becomes a hole the central server can refill; a gap at the front, before
        // the first intact block, is written off: its bytes may have been consumed by a take whose snapshot was lost,
        // so they can never be trusted again (counted lost through the accounted end, never issued).
        private void AttachHeld(PeerStream peer, HeldBlock[] found)
        {
            for (int i = 0; i < found.Length; i++)
            {
                HeldBlock block = found[i];
                if (block == null || block.PeerId != peer.PeerId)
                {
                    continue;
                }

                string name = PoolFileNames.Block(block.PeerId, block.BlockId);
                if (block.End <= peer.ConsumedEnd)
                {
                    _deletions.Add(name);
                    continue;
                }

                HeldBlock previous = peer.Blocks.Count == 0 ? null : (HeldBlock)peer.Blocks[peer.Blocks.Count - 1];
                if (previous == null)
                {
                    if (block.HeldOffset > peer.ConsumedEnd)
                    {
                        peer.ConsumedEnd = block.HeldOffset; // front gap: written off
                    }
                    else if (block.HeldOffset < peer.ConsumedEnd)
                    {
                        block = block.Without(peer.ConsumedEnd);
                        _rewrites.Add(block);
                    }
                }
                else
                {
                    bool adjacent = block.BlockId == previous.BlockId + 1;
                    if (block.HeldOffset != block.BlockOffset || block.BlockOffset < previous.End || adjacent != (block.BlockOffset == previous.End))
                    {
                        Drop(name);
                        block.Erase();
                        found[i] = null;
                        continue;
                    }

                    if (!adjacent)
                    {
                        peer.Holes.Add(new MissingBlocks(previous.BlockId + 1, block.BlockId, previous.End, block.BlockOffset));
                    }
                }

                peer.Blocks.Add(block);
            }

            if (peer.Blocks.Count == 0)
            {
                peer.ConsumedEnd = peer.StreamEnd; // nothing intact held: everything not consumed is written off
                return;
            }

            HeldBlock last = (HeldBlock)peer.Blocks[peer.Blocks.Count - 1];
            if (last.End < peer.StreamEnd)
            {
                peer.Holes.Add(new MissingBlocks(last.BlockId + 1, peer.NextBlockId, last.End, peer.StreamEnd));
            }
        }

        private void FinishErasures()
        {
            for (int i = 0; i < _deletions.Count; i++)
            {
                _storage.Delete((string)_deletions[i]);
                _erasures++;
            }

            for (int i = 0; i < _rewrites.Count; i++)
            {
                BlockFileFormat.Rewrite(_storage, (HeldBlock)_rewrites[i]);
                _erasures++;
            }

            for (int i = 0; i < _dropped.Count; i++)
            {
                string name = (string)_dropped[i];
                if (PoolFileNames.IsBlockFile(name))
                {
                    _storage.Delete(name);
                }
            }
        }

        // Blocks read but not kept (consumed, dropped, superseded) must not leave their key bytes in RAM.
        private void EraseUnattached(HeldBlock[] found)
        {
            for (int i = 0; i < found.Length; i++)
            {
                HeldBlock block = found[i];
                PeerStream peer = block == null ? null : PeerOf(block.PeerId);
                if (block != null && (peer == null || !peer.Blocks.Contains(block)))
                {
                    block.Erase();
                }
            }
        }

        private void Drop(string name)
        {
            _dropped.Add(name);
        }

        private PeerStream PeerOf(ushort peerId)
        {
            for (int i = 0; i < Peers.Count; i++)
            {
                if (((PeerStream)Peers[i]).PeerId == peerId)
                {
                    return (PeerStream)Peers[i];
                }
            }

            return null;
        }

        private void InsertPeer(PeerStream peer)
        {
            int at = 0;
            while (at < Peers.Count && ((PeerStream)Peers[at]).PeerId < peer.PeerId)
            {
                at++;
            }

            Peers.Insert(at, peer);
        }

        private static void InsertOrdered(System.Collections.ArrayList blocks, HeldBlock block)
        {
            int at = blocks.Count;
            while (at > 0 && Before(block, (HeldBlock)blocks[at - 1]))
            {
                at--;
            }

            blocks.Insert(at, block);
        }

        private static bool Before(HeldBlock a, HeldBlock b)
        {
            return a.PeerId < b.PeerId || (a.PeerId == b.PeerId && a.BlockId < b.BlockId);
        }

        private static bool Contains(string[] names, string name)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
