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
                    // Consumed durably but not known handed out: the take may have returned or not; burn it (design.md invariants).
                    _lost.Add(new KeyRange(peer.PeerId, (uint)peer.AccountedEnd, (int)(peer.ConsumedEnd - peer.AccountedEnd)));
                    peer.LostBytes += peer.ConsumedEnd - peer.AccountedEnd;
                    peer.AccountedEnd = peer.ConsumedEnd;
                    changed = true;
                }
            }

            if (changed)
            {
                uint next = Sequence + 1;
                byte[] file = SnapshotFormat.Encode(next, Peers);
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
                PeerStream[] peers = SnapshotFormat.Decode(_storage.Read(name), out sequence);
                if (peers == null)
                {
                    _dropped.Add(name); // torn or corrupt: ignored here, overwritten by the next snapshot write
                }
                else if (best == null || sequence > Sequence)
                {
                    best = peers;
                    Sequence = sequence;
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

        // Blocks ingested after the snapshot extend the stream if they continue it; ingests are sequential, so a
        // non-continuing block file can only be a leftover and is dropped.
        private void ExtendStream(PeerStream peer, HeldBlock[] found)
        {
            for (int i = 0; i < found.Length; i++)
            {
                HeldBlock block = found[i];
                if (block.PeerId != peer.PeerId || block.BlockId < peer.NextBlockId)
                {
                    continue;
                }

                if (block.BlockId == peer.NextBlockId && block.BlockOffset == peer.StreamEnd && block.HeldOffset == block.BlockOffset)
                {
                    peer.NextBlockId = block.BlockId + 1;
                    peer.StreamEnd = block.End;
                }
                else
                {
                    Drop(PoolFileNames.Block(block.PeerId, block.BlockId));
                    block.Erase();
                    found[i] = null;
                }
            }
        }

        // Held blocks must cover [ConsumedEnd, StreamEnd) without holes; consumed ones are erased. A hole (only if files
        // were removed behind the pool's back) makes everything before it unusable: it is counted lost, never issued.
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

                long cursor = peer.Blocks.Count == 0 ? peer.ConsumedEnd : ((HeldBlock)peer.Blocks[peer.Blocks.Count - 1]).End;
                if (block.HeldOffset > cursor)
                {
                    DropHeld(peer);
                    peer.ConsumedEnd = block.HeldOffset;
                }
                else if (block.End <= cursor)
                {
                    Drop(name);
                    continue;
                }

                if (block.HeldOffset < peer.ConsumedEnd)
                {
                    block = block.Without(peer.ConsumedEnd);
                    _rewrites.Add(block);
                }

                peer.Blocks.Add(block);
            }

            long held = peer.Blocks.Count == 0 ? peer.ConsumedEnd : ((HeldBlock)peer.Blocks[peer.Blocks.Count - 1]).End;
            if (held != peer.StreamEnd)
            {
                DropHeld(peer);
                peer.ConsumedEnd = peer.StreamEnd;
            }
        }

        private void DropHeld(PeerStream peer)
        {
            for (int i = 0; i < peer.Blocks.Count; i++)
            {
                HeldBlock block = (HeldBlock)peer.Blocks[i];
                _deletions.Add(PoolFileNames.Block(block.PeerId, block.BlockId));
                _rewrites.Remove(block);
            }

            peer.Blocks.Clear();
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
                BlockFileFormat.Store(_storage, (HeldBlock)_rewrites[i]);
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
