using GatewayQkd.Core.Pool;
using GatewayQkd.TestSupport;
using Xunit.Abstractions;

namespace GatewayQkd.Core.Tests.Pool;

/// <summary>
/// Flash traffic per operation on a DDKA-like load (key sizes of K_sec 1..5 = 128..2048 bits, DDKA paper s4) with
/// full-size blocks: the figures docs/storage-layout.md quotes. Counts are deterministic, not timings.
/// </summary>
public class StorageCostTests(ITestOutputHelper output)
{
    private static readonly int[] KeyBytes = [16, 32, 64, 128, 256];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ingest_Costs_One_Commit_And_Takes_Cost_At_Most_One_More_Than_The_Blocks_They_Empty(bool erasePartialBlocks)
    {
        var model = new KeyStreamModel();
        var storage = new InMemoryKeyStorage();
        var pool = KeyPool.Open(storage, KeyPool.DefaultCapacityBits, KeyPool.DefaultMaxBlocks, erasePartialBlocks);
        var random = new Random(5);
        int ingests = 0, takes = 0, ingestCommits = 0, takeCommits = 0, maxTakeCommits = 0;
        long takeBytesWritten = 0;

        for (var step = 0; step < 4000; step++)
        {
            var commits = storage.Commits;
            var written = storage.BytesWritten;
            if (pool.TotalAvailableBits < 16 * 1024 * 8)
            {
                Assert.Equal(IngestResult.Accepted, pool.Ingest(model.NextBlock(0, KeyPool.MaxBlockBytes)));
                Assert.Equal(1, storage.Commits - commits);
                ingests++;
                ingestCommits += storage.Commits - commits;
                continue;
            }

            var blocksBefore = pool.HeldBlockCount;
            var length = KeyBytes[random.Next(KeyBytes.Length)];
            Assert.True(pool.Take(0, length).IsTaken);
            var cost = storage.Commits - commits;
            var emptied = blocksBefore - pool.HeldBlockCount;
            Assert.InRange(cost, 1 + emptied, (erasePartialBlocks ? 2 : 1) + emptied);
            takes++;
            takeCommits += cost;
            maxTakeCommits = Math.Max(maxTakeCommits, cost);
            takeBytesWritten += storage.BytesWritten - written;
        }

        output.WriteLine($"ingest: {(double)ingestCommits / ingests:F2} commits, {KeyPool.MaxBlockBytes + 27} bytes written per {KeyPool.MaxBlockBytes}-byte block");
        output.WriteLine($"take (erase partial blocks: {erasePartialBlocks}): {(double)takeCommits / takes:F3} commits on average (max {maxTakeCommits}), {(double)takeBytesWritten / takes:F0} bytes written on average, over {takes} takes");
    }
}
