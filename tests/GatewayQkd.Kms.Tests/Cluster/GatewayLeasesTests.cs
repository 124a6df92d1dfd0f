using GatewayQkd.Kms.Cluster;

namespace GatewayQkd.Kms.Tests.Cluster;

/// <summary>Gateway leases of the central-server workers, on SQLite and on PostgreSQL.</summary>
public sealed class GatewayLeasesTests(EngineFixture engines) : IClassFixture<EngineFixture>
{
    private const long Ttl = 3_000;

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void The_First_Worker_Gets_A_Free_Gateway_At_Epoch_1(string engine)
    {
        using var leases = new GatewayLeases(engines.Create(engine));

        var lease = leases.TryAcquire(7, "w1", 1_000, Ttl);

        Assert.Equal(new GatewayLease(7, "w1", 1, 4_000), lease);
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Second_Worker_Cannot_Take_A_Held_Gateway(string engine)
    {
        var database = engines.Create(engine);
        using var first = new GatewayLeases(database);
        using var second = new GatewayLeases(database);
        first.TryAcquire(7, "w1", 1_000, Ttl);

        Assert.Null(second.TryAcquire(7, "w2", 3_999, Ttl));
        Assert.Equal("w1", second.Get(7)!.Owner);
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Lapsed_Lease_Is_Taken_Over_With_The_Next_Epoch_And_The_Old_Owner_Cannot_Renew(string engine)
    {
        var database = engines.Create(engine);
        using var first = new GatewayLeases(database);
        using var second = new GatewayLeases(database);
        var old = first.TryAcquire(7, "w1", 1_000, Ttl)!;

        var taken = second.TryAcquire(7, "w2", 4_000, Ttl);

        Assert.Equal(new GatewayLease(7, "w2", 2, 7_000), taken);
        Assert.Null(first.Renew(old, 4_001, Ttl));
        Assert.Equal("w2", first.Get(7)!.Owner);
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void Renewing_All_Of_A_Workers_Leases_At_Once_Extends_Those_It_Still_Holds_And_Leaves_Out_One_Taken_Over(string engine)
    {
        var database = engines.Create(engine);
        using var first = new GatewayLeases(database);
        using var second = new GatewayLeases(database);
        var held = new[] { first.TryAcquire(1, "w1", 1_000, Ttl)!, first.TryAcquire(2, "w1", 1_000, Ttl)!, first.TryAcquire(3, "w1", 1_000, Ttl)! };
        second.TryAcquire(2, "w2", 4_000, Ttl); // 2 lapsed and was taken over

        var renewed = first.RenewAll(held, 4_001, Ttl);

        Assert.Equal([new GatewayLease(1, "w1", 1, 7_001), new GatewayLease(3, "w1", 1, 7_001)], renewed);
        Assert.Equal(7_001, first.Get(3)!.ExpiresMs);
        Assert.Equal(new GatewayLease(2, "w2", 2, 7_000), first.Get(2));
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void Renewing_Keeps_The_Gateway_Past_Its_First_Expiry(string engine)
    {
        var database = engines.Create(engine);
        using var first = new GatewayLeases(database);
        using var second = new GatewayLeases(database);
        var lease = first.TryAcquire(7, "w1", 1_000, Ttl)!;

        var renewed = first.Renew(lease, 3_500, Ttl);

        Assert.Equal(6_500, renewed!.ExpiresMs);
        Assert.Null(second.TryAcquire(7, "w2", 5_000, Ttl));
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Released_Gateway_Is_Free_At_Once(string engine)
    {
        var database = engines.Create(engine);
        using var first = new GatewayLeases(database);
        using var second = new GatewayLeases(database);
        var lease = first.TryAcquire(7, "w1", 1_000, Ttl)!;

        first.Release(lease);

        Assert.Equal(2, second.TryAcquire(7, "w2", 1_001, Ttl)!.Epoch);
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void Racing_Workers_Never_Both_Win_A_Gateway(string engine)
    {
        var database = engines.Create(engine);
        var workers = Enumerable.Range(0, 4).Select(_ => new GatewayLeases(database)).ToArray();
        try
        {
            var wins = new int[100];
            Parallel.For(0, workers.Length, w =>
            {
                for (ushort g = 0; g < wins.Length; g++)
                {
                    if (workers[w].TryAcquire(g, "w" + w, 1_000, Ttl) is not null)
                    {
                        Interlocked.Increment(ref wins[g]);
                    }
                }
            });

            Assert.All(wins, n => Assert.Equal(1, n));
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void Heartbeats_Count_Only_Live_Workers(string engine)
    {
        using var leases = new GatewayLeases(engines.Create(engine));
        leases.Heartbeat("w1", 1_000, Ttl);

        Assert.Equal(2, leases.Heartbeat("w2", 2_000, Ttl));
        Assert.Equal(1, leases.Heartbeat("w2", 4_500, Ttl)); // w1's heartbeat lapsed at 4,000
    }
}
