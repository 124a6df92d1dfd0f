using GatewayQkd.Kms.Benchmarks;

namespace GatewayQkd.Kms.Tests.Benchmarks;

public sealed class KmsLoopbackBenchmarkTests
{
    [Fact]
    public async Task Reports_One_Run_Per_Concurrency_Level_With_Every_Pair_Counted()
    {
        var results = await KmsLoopbackBenchmark.RunAsync(new KmsBenchmarkOptions
        {
            Pairs = 6,
            WarmupPairs = 1,
            Concurrency = [1, 3],
            KeysPerRequest = 2,
        });

        Assert.Equal([1, 3], results.Select(r => r.Concurrency));
        Assert.All(results, r => Assert.Equal((6, 2, 256), (r.Pairs, r.KeysPerRequest, r.KeySizeBits)));
        Assert.All(results, r => Assert.True(r.Seconds > 0));
        Assert.All(results, r => Assert.Equal(r.PairsPerSecond * 2, r.KeysPerSecond, 9));
    }

    [Fact]
    public async Task Rejects_Non_Positive_Pairs()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => KmsLoopbackBenchmark.RunAsync(new KmsBenchmarkOptions { Pairs = 0 }));
    }
}
