using GatewayQkd.Kms.Benchmarks;
using GatewayQkd.Kms.Tests.Server;

namespace GatewayQkd.Kms.Tests.Benchmarks;

/// <summary>
/// The loopback benchmark's report. In the HTTPS collection, so that its TLS handshakes do not compete with the other
/// HTTPS tests' (once, in a full test run on 2 cores, the server closed its connection mid-handshake, as Kestrel does
/// after its 10 s handshake timeout; the benchmark's server now allows a minute).
/// </summary>
[Collection(KmsCollection.Name)]
public sealed class KmsLoopbackBenchmarkTests
{
    [Fact]
    public async Task Reports_One_Run_Per_Keys_Per_Request_And_Client_Count_With_Every_Pair_Counted()
    {
        var results = await KmsLoopbackBenchmark.RunAsync(new KmsBenchmarkOptions
        {
            Pairs = 6,
            WarmupPairs = 1,
            Concurrency = [1, 3],
            KeysPerRequest = [2, 5],
        });

        Assert.Equal([(2, 1), (2, 3), (5, 1), (5, 3)], results.Select(r => (r.KeysPerRequest, r.Concurrency)));
        Assert.All(results, r => Assert.Equal((6, 256), (r.Pairs, r.KeySizeBits)));
        Assert.All(results, r => Assert.True(r.Seconds > 0));
        Assert.All(results, r => Assert.Equal(r.PairsPerSecond * r.KeysPerRequest, r.KeysPerSecond, 9));
        Assert.All(results, r => Assert.InRange(r.P50PairMilliseconds, 0.001, r.P99PairMilliseconds));
        Assert.All(results, r => Assert.InRange(r.Commits, 1, 2 * r.Pairs)); // at most one commit per request
    }

    [Fact]
    public async Task Rejects_Non_Positive_Pairs()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => KmsLoopbackBenchmark.RunAsync(new KmsBenchmarkOptions { Pairs = 0 }));
    }
}
