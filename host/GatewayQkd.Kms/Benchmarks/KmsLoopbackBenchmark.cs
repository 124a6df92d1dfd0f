using System.Diagnostics;
using GatewayQkd.Kms.Certificates;
using GatewayQkd.Kms.Client;
using GatewayQkd.Kms.Etsi014;
using GatewayQkd.Kms.Server;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Kms.Benchmarks;

/// <summary>
/// Measures ETSI GS QKD 014 key delivery over HTTPS on loopback: a KMS on 127.0.0.1 over a fresh SQLite store
/// (WAL, synchronous=FULL, so each request pays an fsync) filled with enough acknowledged key; "cs" calls enc_keys
/// for slave "gn-1", "gn-1" fetches the same keys with dec_keys, and every key is compared. One run per concurrency level.
/// </summary>
public static class KmsLoopbackBenchmark
{
    private const int BlockBytes = 64 * 1024;

    /// <summary>Runs the benchmark and returns one result per concurrency level.</summary>
    public static async Task<IReadOnlyList<KmsBenchmarkResult>> RunAsync(KmsBenchmarkOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Pairs <= 0 || options.WarmupPairs < 0 || options.Concurrency.Count == 0 || options.Concurrency.Any(c => c <= 0))
        {
            throw new ArgumentException("Pairs and concurrency levels must be positive, warm-up pairs not negative.", nameof(options));
        }

        var folder = options.WorkFolder ?? Path.Combine(Path.GetTempPath(), "gatewayqkd-kms-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            CertificateKit.Create(folder, ["cs", "gn-1"], ["127.0.0.1"]);
            using var ca = CertificateFolder.LoadCaCertificate(folder);
            using var serverCertificate = CertificateFolder.Load(folder, CertificateFolder.ServerName);
            using var cs = CertificateFolder.Load(folder, "cs");
            using var gn1 = CertificateFolder.Load(folder, "gn-1");
            using var store = CentralKeyStore.Open(Path.Combine(folder, "bench.db"));
            var keyBytes = options.KeySizeBits / 8;
            var totalPairs = options.WarmupPairs + (options.Pairs * options.Concurrency.Count);
            Fill(store, (long)totalPairs * options.KeysPerRequest * keyBytes);
            await using var server = await KmsServer.StartAsync(new KmsServerOptions
            {
                Store = store,
                ServerCertificate = serverCertificate,
                ClientCa = ca,
                Policy = new KmsPolicy { MaxKeysPerRequest = Math.Max(128, options.KeysPerRequest) },
            }, cancellationToken).ConfigureAwait(false);
            using var master = new KmsClient(server.Url, cs, ca);
            using var slave = new KmsClient(server.Url, gn1, ca);
            await RunPairs(master, slave, options, options.WarmupPairs, 1, cancellationToken).ConfigureAwait(false);
            var results = new List<KmsBenchmarkResult>();
            foreach (var concurrency in options.Concurrency)
            {
                var clock = Stopwatch.StartNew();
                await RunPairs(master, slave, options, options.Pairs, concurrency, cancellationToken).ConfigureAwait(false);
                results.Add(new KmsBenchmarkResult(concurrency, options.Pairs, options.KeysPerRequest, options.KeySizeBits,
                    clock.Elapsed.TotalSeconds));
            }

            return results;
        }
        finally
        {
            if (options.WorkFolder is null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Fill(CentralKeyStore store, long bytes)
    {
        var random = new Random(1);
        for (long filled = 0; filled < bytes; filled += BlockBytes)
        {
            var block = new byte[BlockBytes];
            random.NextBytes(block);
            store.MarkAcknowledged(1, 0, store.AppendBlock(1, 0, block).BlockId);
        }
    }

    // `concurrency` loops share the pairs; each pair is enc_keys by the master then dec_keys of the same ids by the slave.
    private static async Task RunPairs(KmsClient master, KmsClient slave, KmsBenchmarkOptions options, int pairs,
        int concurrency, CancellationToken cancellationToken)
    {
        var remaining = pairs;
        var loops = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var sent = await master.GetKeysAsync("gn-1", options.KeysPerRequest, options.KeySizeBits, cancellationToken)
                    .ConfigureAwait(false);
                var received = await slave.GetKeysWithIdsAsync("cs", sent.Keys.Select(k => k.KeyId), cancellationToken)
                    .ConfigureAwait(false);
                if (!sent.Keys.Select(k => k.Key).SequenceEqual(received.Keys.Select(k => k.Key)))
                {
                    throw new Etsi014Exception(503, "benchmark: the slave received different keys than the master");
                }
            }
        });
        await Task.WhenAll(loops).ConfigureAwait(false);
    }
}
