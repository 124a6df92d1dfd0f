using GatewayQkd.Kms.Cluster;

namespace GatewayQkd.Kms.Tests.Cluster;

/// <summary>Workers sharing gateways through leases, on SQLite and on PostgreSQL, in manual time.</summary>
public sealed class LeaseKeeperTests(EngineFixture engines) : IClassFixture<EngineFixture>
{
    private static readonly ushort[] Gateways = [.. Enumerable.Range(1, 10).Select(i => (ushort)i)];
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Lone_Worker_Takes_Every_Gateway(string engine)
    {
        using var leases = new GatewayLeases(engines.Create(engine));
        var keeper = new LeaseKeeper(leases, "w1", Gateways, new ManualTime());

        keeper.Round();

        Assert.Equal(Gateways, keeper.Held);
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void Two_Workers_Split_The_Gateways_Evenly_Once_The_Second_Joins(string engine)
    {
        using var pair = new KeeperPair(engines.Create(engine));
        var (time, a, b) = (pair.Time, pair.A, pair.B);
        a.Round();

        for (var i = 0; i < 3; i++)
        {
            time.Advance(Step);
            b.Round();
            a.Round();
            a.ReleaseHandedOver(); // as a worker does once its frames to the surplus left
        }

        Assert.Equal(5, a.Held.Count);
        Assert.Equal(5, b.Held.Count);
        Assert.Empty(a.Held.Intersect(b.Held));
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Worker_Handing_Its_Surplus_Over_Stops_Serving_It_At_Once_But_Keeps_Its_Leases_Until_It_Releases_Them(string engine)
    {
        using var pair = new KeeperPair(engines.Create(engine));
        var (time, a, b) = (pair.Time, pair.A, pair.B);
        a.Round();
        b.Round(); // joins: every gateway is a's
        var lost = new List<ushort>();
        a.Lost += (_, lease) => lost.Add(lease.GatewayId);
        time.Advance(Step);
        a.Round(); // sees two workers: stops serving half

        for (var i = 0; i < 10; i++) // longer than a lease: a keeps renewing what it hands over
        {
            time.Advance(Step);
            b.Round();
            a.Round();
            Assert.Empty(b.Held);
        }

        var handedOver = a.HandingOver.ToList();
        a.ReleaseHandedOver();
        b.Round();

        Assert.Equal(5, handedOver.Count);
        Assert.Equal(handedOver, lost.Order());
        Assert.Empty(a.Held.Intersect(handedOver));
        Assert.Equal(handedOver, b.Held);
        Assert.Empty(a.HandingOver);
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Late_Release_Of_A_Handed_Over_Lease_That_Lapsed_Leaves_The_New_Owner_Holding_It(string engine)
    {
        using var pair = new KeeperPair(engines.Create(engine));
        var (time, a, b) = (pair.Time, pair.A, pair.B);
        a.Round();
        b.Round();
        time.Advance(Step);
        a.Round(); // hands half over, then stalls (no more rounds) until those leases lapse
        var handedOver = a.HandingOver.ToList();
        time.Advance(LeaseKeeperSettings.Default.Ttl);
        b.Round(); // takes every lapsed gateway

        a.ReleaseHandedOver(); // names the old epoch: releases nothing of b's
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();

        Assert.Equal(5, handedOver.Count);
        Assert.All(handedOver, id =>
        {
            var lease = pair.LeasesA.Get(id);
            Assert.Equal("b", lease!.Owner);
            Assert.True(lease.ExpiresMs > now, $"gateway {id}'s lease was released under its new owner");
        });
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Dead_Workers_Gateways_Move_To_The_Survivor_Within_One_Lease_Time(string engine)
    {
        using var pair = new KeeperPair(engines.Create(engine));
        var (time, a, b) = (pair.Time, pair.A, pair.B);
        for (var i = 0; i < 4; i++)
        {
            a.Round();
            b.Round();
            time.Advance(Step);
        }

        var elapsed = TimeSpan.Zero;
        while (b.Held.Count < Gateways.Length && elapsed < TimeSpan.FromSeconds(30))
        {
            b.Round(); // a is dead: it never runs another round
            time.Advance(Step);
            elapsed += Step;
        }

        Assert.Equal(Gateways, b.Held);
        Assert.InRange(elapsed, TimeSpan.Zero, LeaseKeeperSettings.Default.Ttl + Step + Step);
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Worker_Cut_Off_From_The_Database_Stops_Serving_Before_Another_Takes_Its_Gateways(string engine)
    {
        using var pair = new KeeperPair(engines.Create(engine));
        var (time, a, b) = (pair.Time, pair.A, pair.B);
        a.Round();
        b.Round();
        var step = TimeSpan.FromMilliseconds(100);

        for (var i = 0; i < 100; i++)
        {
            time.Advance(step);
            a.Fence(); // a still runs but every database round fails: it may only fence itself
            b.Round();
            Assert.Empty(a.Held.Intersect(b.Held));
        }

        Assert.Empty(a.Held);
        Assert.Equal(Gateways, b.Held);
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Clean_Shutdown_Hands_Every_Gateway_Over_At_Once(string engine)
    {
        using var pair = new KeeperPair(engines.Create(engine));
        var (time, a, b) = (pair.Time, pair.A, pair.B);
        a.Round();
        b.Round();
        var lost = new List<ushort>();
        a.Lost += (_, lease) => lost.Add(lease.GatewayId);

        a.ReleaseAll();
        b.Round();

        Assert.Equal(Gateways, lost.Order());
        Assert.Equal(Gateways, b.Held);
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void The_Time_Left_To_Serve_A_Gateway_Counts_Down_From_The_Last_Renewal_To_Zero_At_The_Fence(string engine)
    {
        using var leases = new GatewayLeases(engines.Create(engine));
        var time = new ManualTime();
        var keeper = new LeaseKeeper(leases, "w1", Gateways, time);
        keeper.Round();

        var fresh = keeper.ServeFor(1);
        time.Advance(Step);
        var later = keeper.ServeFor(1);
        time.Advance(LeaseKeeperSettings.Default.Ttl);

        Assert.Equal(LeaseKeeperSettings.Default.Ttl - LeaseKeeperSettings.Default.Margin, fresh);
        Assert.Equal(fresh - Step, later);
        Assert.Equal(TimeSpan.Zero, keeper.ServeFor(1));
        Assert.Equal(TimeSpan.Zero, keeper.ServeFor(99)); // never held
    }

    // Two workers, a and b, on one database and one manual clock.
    private sealed class KeeperPair : IDisposable
    {
        private readonly GatewayLeases _leasesB;

        public KeeperPair(DatabaseEngine database)
        {
            LeasesA = new GatewayLeases(database);
            _leasesB = new GatewayLeases(database);
            A = new LeaseKeeper(LeasesA, "a", Gateways, Time);
            B = new LeaseKeeper(_leasesB, "b", Gateways, Time);
        }

        public ManualTime Time { get; } = new();

        // a's connection to the lease table, to read a lease as it stands
        public GatewayLeases LeasesA { get; }

        public LeaseKeeper A { get; }

        public LeaseKeeper B { get; }

        public void Dispose()
        {
            LeasesA.Dispose();
            _leasesB.Dispose();
        }
    }
}
