using System.Collections.Concurrent;
using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>
/// Two <see cref="CentralKeyStore"/> instances on one database, as two central-server workers hold them, issuing at the
/// same time from many threads each: no key range is handed out twice, on SQLite (one file) and on PostgreSQL.
/// </summary>
public sealed class TwoWorkersOnOneDatabaseTests(EngineFixture engines) : IClassFixture<EngineFixture>
{
    private const ushort Cs = 0;
    private const ushort Gateway = 7;
    private const int ThreadsPerWorker = 8;

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void EncKeys_From_Two_Workers_At_Once_Hand_Out_Every_Reserved_Byte_Exactly_Once(string engine)
    {
        var database = engines.Create(engine);
        using var first = CentralKeyStore.Open(database);
        using var second = CentralKeyStore.Open(database);
        var material = Bytes(64 * 1024, seed: 1);
        for (var i = 0; i < material.Length; i += 4096)
        {
            first.ReserveForEtsi014(Gateway, Cs, material[i..(i + 4096)]);
        }

        var keys = new ConcurrentBag<StoredKey>();
        RunWorkers(first, second, (store, thread) =>
        {
            // mixed request sizes, so the two workers' ranges would overlap (not just collide) if both read the same state
            var (keyBytes, count) = thread % 2 == 0 ? (32, 4) : (48, 1);
            try
            {
                while (true)
                {
                    foreach (var key in store.DeliverToMaster(Cs, Gateway, keyBytes, count))
                    {
                        keys.Add(key);
                    }
                }
            }
            catch (KeyStoreException e) when (e.Error == KeyStoreError.InsufficientKey)
            {
                // this thread's request size no longer fits: the reservation is (nearly) used up
            }
        });

        var owner = new int[material.Length];
        foreach (var (key, index) in keys.Select((k, i) => (k, i + 1)))
        {
            var (offset, length) = ((int)key.Range.Offset, key.Range.Length);
            Assert.Equal(material[offset..(offset + length)], key.Key);
            for (var b = offset; b < offset + length; b++)
            {
                Assert.True(owner[b] == 0, $"reserved byte {b} is in two keys ({key.Range})");
                owner[b] = index;
            }
        }

        var counts = first.GetCounts(Gateway, Cs, KeyStreamUse.Etsi014);
        Assert.Equal(keys.Sum(k => (long)k.Range.Length), counts.UsedBytes);
        Assert.True(counts.AvailableBytes < 48, $"{counts.AvailableBytes} bytes left unissued");
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void The_Same_Sensor_Keys_Consumed_By_Two_Workers_At_Once_Are_Each_Consumed_Once(string engine)
    {
        const int Keys = 64;
        var database = engines.Create(engine);
        using var first = CentralKeyStore.Open(database);
        using var second = CentralKeyStore.Open(database);
        first.AppendBlock(Gateway, Cs, Bytes(Keys * 16, seed: 2));
        first.MarkAcknowledged(Gateway, Cs, 0);
        var wins = new int[Keys];

        RunWorkers(first, second, (store, thread) =>
        {
            for (var i = 0; i < Keys; i++)
            {
                var key = (i + (thread * 7)) % Keys; // every thread of both workers tries every key, in different orders
                try
                {
                    store.ConsumeKey(Gateway, new KeyRange(Cs, (uint)(key * 16), 16));
                    Interlocked.Increment(ref wins[key]);
                }
                catch (KeyStoreException e) when (e.Error == KeyStoreError.AlreadyUsed)
                {
                }
            }
        });

        Assert.All(wins, w => Assert.Equal(1, w));
        Assert.Equal(Keys * 16, second.GetCounts(Gateway, Cs).UsedBytes);
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Key_Fetched_By_Its_Slave_Through_Two_Workers_At_Once_Is_Delivered_Once(string engine)
    {
        var database = engines.Create(engine);
        using var first = CentralKeyStore.Open(database);
        using var second = CentralKeyStore.Open(database);
        first.ReserveForEtsi014(Gateway, Cs, Bytes(1024, seed: 3));
        var issued = first.DeliverToMaster(Cs, Gateway, 32, 32);
        var deliveries = new ConcurrentBag<string>();

        RunWorkers(first, second, (store, thread) =>
        {
            foreach (var key in issued.Skip(thread).Concat(issued.Take(thread)))
            {
                try
                {
                    var received = Assert.Single(store.DeliverToSlave(Gateway, Cs, [key.Id]));
                    Assert.Equal(key.Key, received.Key);
                    deliveries.Add(received.Range.ToString());
                }
                catch (KeyStoreException e) when (e.Error == KeyStoreError.AlreadyUsed)
                {
                }
            }
        });

        Assert.Equal(issued.Count, deliveries.Count);
        Assert.Equal(issued.Count, deliveries.Distinct().Count());
        Assert.Equal(0, second.GetPendingDeliveries(Gateway, Cs));
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // Starts ThreadsPerWorker threads on each store, released at once.
    private static void RunWorkers(CentralKeyStore first, CentralKeyStore second, Action<CentralKeyStore, int> work)
    {
        using var start = new Barrier(2 * ThreadsPerWorker);
        var errors = new ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, 2 * ThreadsPerWorker).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                work(i % 2 == 0 ? first : second, i / 2);
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
    }
}
