using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Tests.Pool;
using GatewayQkd.TestSupport;
using Xunit.Abstractions;

namespace GatewayQkd.Core.Tests.Corruption;

/// <summary>
/// Every single-bit flip and every truncation of every pool file (both snapshot slots, every block file, including a
/// block written after the last snapshot): recovery never yields a key byte that differs from the stream, never
/// issues a byte twice, keeps every intact block, and counts as lost exactly the bytes it had to discard. After the
/// central server resends what the pool reports missing (the resynchronisation, docs/protocol.md), the whole stream
/// is served or accounted for.
/// </summary>
public sealed class PoolFileCorruptionTests(ITestOutputHelper output)
{
    private const int BlockBytes = 40;
    private const int Blocks = 5;
    private const int StreamBytes = BlockBytes * Blocks;
    private static readonly ushort[] Peers = [0, 2];

    private readonly KeyStreamModel _model = new();

    [Fact]
    public void Damaged_Snapshot_Slots_Never_Yield_A_Wrong_Or_Repeated_Key()
    {
        var cases = RunAll(name => name.StartsWith("qkp.s", StringComparison.Ordinal), refill: true);

        Assert.Equal(2 * ((14 + (38 * 2)) * 9), cases); // 2 slots x (720 bit flips + 90 cut points)
    }

    [Fact]
    public void Damaged_Block_Files_Never_Yield_A_Wrong_Or_Repeated_Key_And_Lose_Only_The_Damaged_Block()
    {
        var cases = RunAll(IsBlockFile, refill: true);

        Assert.True(cases > 8 * 8 * BlockBytes, $"{cases} cases");
    }

    [Fact]
    public void Damaged_Block_Files_Not_Resent_Are_Written_Off_Exactly_And_Serving_Goes_On()
    {
        var cases = RunAll(IsBlockFile, refill: false);

        Assert.True(cases > 8 * 8 * BlockBytes, $"{cases} cases");
    }

    [Fact]
    public void A_Corrupt_Block_Written_After_The_Last_Snapshot_Leaves_A_Hole_The_Later_Blocks_Stay_Held()
    {
        var (storage, _) = Build();
        var file = storage.Read("kb0_3");
        file[30] ^= 0x10;
        storage.SetRaw("kb0_3", file);

        var pool = KeyPool.Open(storage, 1 << 16, 24);

        var hole = Assert.Single(pool.Holes(0));
        Assert.Equal((3u, 4u, 120L, 160L), (hole.FirstBlockId, hole.EndBlockId, hole.Start, hole.End));
        Assert.Equal(5u, pool.NextBlockId(0)); // block 4, ingested after the snapshot, is kept
        Assert.Equal((120 - 60) * 8, pool.AvailableBits(0));
        Assert.Equal(0, pool.LastRecovery.LostBits - (50 * 8)); // only the in-doubt last take (peer 2, 50 bytes)
    }

    // The state every case starts from: two peers, five 40-byte blocks each, takes so that each peer's front block is
    // partly consumed, and the last block of each ingested after the last snapshot.
    private (InMemoryKeyStorage Storage, List<(KeyRange Range, int Order)> Taken) Build()
    {
        var storage = new InMemoryKeyStorage();
        var pool = KeyPool.Open(storage, 1 << 16, 24);
        var taken = new List<(KeyRange, int)>();
        foreach (var peer in Peers)
        {
            for (var i = 0; i < Blocks - 1; i++)
            {
                Assert.Equal(IngestResult.Accepted, pool.Ingest(_model.Block(peer, (uint)i, (uint)(i * BlockBytes), BlockBytes)));
            }
        }

        foreach (var (peer, length) in new (ushort, int)[] { (0, 30), (0, 30), (2, 50) })
        {
            var result = pool.Take(peer, length);
            Assert.Equal(_model.Bytes(result.Range), result.Material);
            taken.Add((result.Range, taken.Count));
        }

        foreach (var peer in Peers)
        {
            Assert.Equal(IngestResult.Accepted, pool.Ingest(_model.Block(peer, Blocks - 1, (Blocks - 1) * BlockBytes, BlockBytes)));
        }

        return (storage, taken);
    }

    private int RunAll(Func<string, bool> files, bool refill)
    {
        var (baseline, before) = Build();
        var failures = new List<string>();
        var cases = 0;
        foreach (var name in baseline.ListFiles().Where(files).Order(StringComparer.Ordinal))
        {
            foreach (var (label, content) in FileDamage.All(baseline.Read(name)))
            {
                var storage = baseline.Clone();
                storage.SetRaw(name, content);
                var problem = Check(storage, name, baseline, before, refill);
                cases++;
                if (problem is not null)
                {
                    failures.Add($"{name} {label}: {problem}");
                }
            }
        }

        output.WriteLine($"{cases} damaged-file cases, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
        return cases;
    }

    private string? Check(InMemoryKeyStorage storage, string damaged, InMemoryKeyStorage baseline, List<(KeyRange Range, int Order)> before, bool refill)
    {
        KeyPool pool;
        try
        {
            pool = KeyPool.Open(storage, 1 << 16, 24);
        }
        catch (Exception e)
        {
            return "recovery threw " + e.GetType().Name + ": " + e.Message;
        }

        if (refill)
        {
            Resend(pool);
        }

        var after = new List<KeyRange>();
        foreach (var peer in Peers)
        {
            while (true)
            {
                var available = (int)(pool.AvailableBits(peer) / 8);
                if (available == 0)
                {
                    if (pool.WriteOffFirstHole(peer) > 0)
                    {
                        continue;
                    }

                    break;
                }

                var result = pool.Take(peer, Math.Min(23, available));
                if (!result.IsTaken)
                {
                    return $"take refused ({result.Status}) with {available} bytes available";
                }

                if (!result.Material.SequenceEqual(_model.Bytes(result.Range)))
                {
                    return $"key {result.Range} differs from the stream: a key from corrupt data";
                }

                after.Add(result.Range);
            }
        }

        foreach (var peer in Peers)
        {
            var issued = new bool[StreamBytes];
            foreach (var range in before.Select(b => b.Range).Concat(after).Where(r => r.PeerId == peer))
            {
                for (var i = range.Offset; i < range.End; i++)
                {
                    if (issued[i])
                    {
                        return $"byte {i} of peer {peer} issued twice";
                    }

                    issued[i] = true;
                }
            }

            // Without resends, a damaged block ingested after the last snapshot is unknown to the pool (nothing records it
            // but its own file): the stream ends before it, and the central server sends it again from the next block id.
            var end = !refill && damaged == $"kb{peer}_{Blocks - 1}" ? StreamBytes - BlockBytes : StreamBytes;
            if (pool.StreamEnd(peer) != end || pool.ConsumedEnd(peer) != end)
            {
                return $"peer {peer}: stream end {pool.StreamEnd(peer)}, consumed end {pool.ConsumedEnd(peer)} after draining, expected {end}";
            }

            // Every byte is issued or counted lost; a byte may be both only if it was in a take whose commit is in doubt
            // (the last take, or the one before it when the newest snapshot is the damaged file).
            var lost = pool.LostBits(peer) / 8;
            var handed = issued.Count(b => b);
            var doubted = before.Where(b => b.Range.PeerId == peer && b.Order >= before.Count - 2).Sum(b => b.Range.Length);
            var overlap = handed + lost - end;
            if (overlap < 0 || overlap > doubted)
            {
                return $"peer {peer}: {handed} bytes issued + {lost} lost does not account for the {end}-byte stream (in doubt: {doubted})";
            }

            var discarded = lost - overlap;
            var allowed = refill ? MustDiscard(baseline, damaged, peer) : DiscardableWithoutResend(baseline, damaged, peer);
            if (discarded > allowed)
            {
                return $"peer {peer}: {discarded} never-issued bytes counted lost, but only {allowed} had to be discarded";
            }
        }

        return null;
    }

    // The central server's side of the resynchronisation: every block of a hole, then every block from the next id on.
    private void Resend(KeyPool pool)
    {
        foreach (var peer in Peers)
        {
            foreach (var hole in pool.Holes(peer))
            {
                for (var id = hole.FirstBlockId; id < hole.EndBlockId; id++)
                {
                    pool.Ingest(_model.Block(peer, id, id * BlockBytes, BlockBytes));
                }
            }

            for (var id = pool.NextBlockId(peer); id < Blocks; id++)
            {
                pool.Ingest(_model.Block(peer, id, id * BlockBytes, BlockBytes));
            }
        }
    }

    // With resends, only a damaged front block (the one takes draw from) is lost: its bytes may have been consumed by a
    // take whose snapshot is not the one recovery trusts, so they are never refilled.
    private static long MustDiscard(InMemoryKeyStorage baseline, string damaged, ushort peer) =>
        damaged == FrontBlockName(baseline, peer) ? HeldBytes(baseline, damaged) : 0;

    // Without resends, the held bytes of the damaged block are lost, whichever block it was (except the one after the
    // last snapshot, which the pool does not know of: not lost, just not received yet).
    private static long DiscardableWithoutResend(InMemoryKeyStorage baseline, string damaged, ushort peer) =>
        damaged.StartsWith($"kb{peer}_", StringComparison.Ordinal) && damaged != $"kb{peer}_{Blocks - 1}" ? HeldBytes(baseline, damaged) : 0;

    private static string FrontBlockName(InMemoryKeyStorage baseline, ushort peer) =>
        baseline.ListFiles().Where(n => n.StartsWith($"kb{peer}_", StringComparison.Ordinal)).OrderBy(n => int.Parse(n[(n.IndexOf('_') + 1)..])).First();

    private static long HeldBytes(InMemoryKeyStorage baseline, string name) => baseline.Read(name).Length - 27; // docs/storage-layout.md: 23-byte header, 4-byte CRC

    private static bool IsBlockFile(string name) => name.StartsWith("kb", StringComparison.Ordinal);
}
