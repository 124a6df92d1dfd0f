using System.Diagnostics;
using GatewayQkd.Kms.Certificates;
using GatewayQkd.Kms.Client;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Etsi014;
using GatewayQkd.Kms.Postgres;
using GatewayQkd.Kms.Server;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Kms.Benchmarks;

/// <summary>
/// Measures ETSI GS QKD 014 key delivery over mutual-TLS HTTPS on loopback: a KMS on 127.0.0.1 over a fresh store
/// (SQLite with WAL and synchronous=FULL, or PostgreSQL with synchronous commits: every commit pays an fsync) whose
/// cs - gn-1 ETSI 014 reservation holds enough key.
/// Each client is a pair of keep-alive HTTP clients of its own ("cs" and "gn-1"): "cs" calls enc_keys for slave
/// "gn-1", "gn-1" fetches the same keys with dec_keys, and every key is compared. One run per keys-per-request value
/// and client count.
/// </summary>
public static class KmsLoopbackBenchmark
{
    private const int BlockBytes = 64 * 1024;

    /// <summary>Runs the benchmark and returns one result per (keys per request, clients), keys per request outermost.</summary>
    public static async Task<IReadOnlyList<KmsBenchmarkResult>> RunAsync(KmsBenchmarkOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Pairs <= 0 || options.WarmupPairs < 0 || options.Concurrency.Count == 0 || options.Concurrency.Any(c => c <= 0)
            || options.KeysPerRequest.Count == 0 || options.KeysPerRequest.Any(k => k <= 0))
        {
            throw new ArgumentException(
                "Pairs, client counts and keys per request must be positive, warm-up pairs not negative.", nameof(options));
        }

        var folder = options.WorkFolder ?? Path.Combine(Path.GetTempPath(), "gatewayqkd-kms-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            CertificateKit.Create(folder, ["cs", "gn-1"], ["127.0.0.1"]);
            using var ca = CertificateFolder.LoadCaCertificate(folder);
            using var serverCertificate = CertificateFolder.Load(folder, CertificateFolder.ServerName);
            using var cs = CertificateFolder.Load(folder, "cs");
            using var gn1 = CertificateFolder.Load(folder, "gn-1");
            await using var postgres = options.Database is null && options.Engine == DatabaseKind.Postgres
                ? await PostgresProcess.StartAsync().ConfigureAwait(false)
                : null;
            var database = options.Database
                ?? (postgres is not null ? DatabaseEngine.Postgres(postgres.ConnectionString()) : DatabaseEngine.Sqlite(Path.Combine(folder, "bench.db")));
            using var store = CentralKeyStore.Open(database);
            var keysPerPair = options.KeysPerRequest.Sum() * (long)(options.WarmupPairs + (options.Pairs * options.Concurrency.Count));
            Fill(store, keysPerPair * (options.KeySizeBits / 8));
            await using var server = await KmsServer.StartAsync(new KmsServerOptions
            {
                Store = store,
                ServerCertificate = serverCertificate,
                ClientCa = ca,
                Policy = new KmsPolicy { MaxKeysPerRequest = Math.Max(128, options.KeysPerRequest.Max()) },

                // The clients connect once, before timing; a handshake slowed by the machine's load must not end the run.
                HandshakeTimeout = TimeSpan.FromMinutes(1),
            }, cancellationToken).ConfigureAwait(false);
            var clients = Clients(options, server.Url, cs, gn1, ca);
            try
            {
                var results = new List<KmsBenchmarkResult>();
                foreach (var keysPerRequest in options.KeysPerRequest)
                {
                    var run = new PairRun(options.KeySizeBits, keysPerRequest, cancellationToken);
                    await run.RunAsync(clients, options.WarmupPairs).ConfigureAwait(false);
                    await WarmUntilSteadyAsync(run, clients, options,
                        () => Fill(store, (long)options.WarmupPairs * keysPerRequest * (options.KeySizeBits / 8))).ConfigureAwait(false);
                    foreach (var concurrency in options.Concurrency)
                    {
                        var commits = store.Commits;
                        var trips = store.RoundTrips;
                        var cpu = ProcessorTime();
                        var jit = System.Runtime.JitInfo.GetCompilationTime();
                        var clock = Stopwatch.StartNew();
                        var latencies = await run.RunAsync(clients.Take(concurrency).ToList(), options.Pairs).ConfigureAwait(false);
                        var seconds = clock.Elapsed.TotalSeconds;
                        var cpuSeconds = (ProcessorTime() - cpu).TotalSeconds;
                        var jitMilliseconds = (System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds;
                        Array.Sort(latencies);
                        results.Add(new KmsBenchmarkResult(concurrency, options.Pairs, keysPerRequest, options.KeySizeBits,
                            seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), store.Commits - commits, cpuSeconds,
                            store.RoundTrips - trips, jitMilliseconds));
                    }
                }

                return results;
            }
            finally
            {
                foreach (var client in clients.SelectMany(c => new[] { c.Master, c.Slave }).Distinct())
                {
                    client.Dispose();
                }
            }
        }
        finally
        {
            if (options.WorkFolder is null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // Rounds of WarmupPairs pairs with every client until one round's JIT time is under 2% of its CPU time, or time is up;
    // each round first reserves the key it will use (refill).
    private static async Task WarmUntilSteadyAsync(PairRun run, IReadOnlyList<(KmsClient Master, KmsClient Slave)> clients,
        KmsBenchmarkOptions options, Action refill)
    {
        var clock = Stopwatch.StartNew();
        while (options.WarmupPairs > 0 && clock.Elapsed.TotalSeconds < options.SteadyWarmupSeconds)
        {
            refill();
            var cpu = ProcessorTime();
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            await run.RunAsync(clients, options.WarmupPairs).ConfigureAwait(false);
            if ((System.Runtime.JitInfo.GetCompilationTime() - jit).TotalSeconds < 0.02 * (ProcessorTime() - cpu).TotalSeconds)
            {
                return;
            }
        }
    }

    // HTTP/1.1: a pair of clients (own connections) per concurrent client. HTTP/2: one client per SAE shared by all, as an
    // SAE application would hold one HttpClient; their requests share that SAE's one connection.
    private static List<(KmsClient Master, KmsClient Slave)> Clients(KmsBenchmarkOptions options, Uri url,
        System.Security.Cryptography.X509Certificates.X509Certificate2 master,
        System.Security.Cryptography.X509Certificates.X509Certificate2 slave,
        System.Security.Cryptography.X509Certificates.X509Certificate2 ca)
    {
        var count = options.Concurrency.Max();
        (KmsClient Master, KmsClient Slave) Pair() =>
            (new KmsClient(url, master, ca, options.HttpVersion), new KmsClient(url, slave, ca, options.HttpVersion));
        return options.HttpVersion.Major >= 2
            ? Enumerable.Repeat(Pair(), count).ToList()
            : Enumerable.Range(0, count).Select(_ => Pair()).ToList();
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    // Nearest-rank percentile of sorted values.
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Fill(CentralKeyStore store, long bytes)
    {
        for (long filled = 0; filled < bytes; filled += BlockBytes)
        {
            store.ReserveForEtsi014(1, 0, System.Security.Cryptography.RandomNumberGenerator.GetBytes(BlockBytes));
        }
    }

    // The clients share the pairs; each pair is enc_keys by the master then dec_keys of the same ids by the slave.
    private sealed class PairRun(int keySizeBits, int keysPerRequest, CancellationToken cancellationToken)
    {
        public async Task<double[]> RunAsync(IReadOnlyList<(KmsClient Master, KmsClient Slave)> clients, int pairs)
        {
            var latencies = new double[pairs];
            var next = -1;
            await Task.WhenAll(clients.Select(async client =>
            {
                int pair;
                while ((pair = Interlocked.Increment(ref next)) < pairs)
                {
                    var started = Stopwatch.GetTimestamp();
                    var sent = await client.Master.GetKeysAsync("gn-1", keysPerRequest, keySizeBits, cancellationToken)
                        .ConfigureAwait(false);
                    var received = await client.Slave.GetKeysWithIdsAsync("cs", sent.Keys.Select(k => k.KeyId), cancellationToken)
                        .ConfigureAwait(false);
                    latencies[pair] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (!sent.Keys.Select(k => k.Key).SequenceEqual(received.Keys.Select(k => k.Key)))
                    {
                        throw new Etsi014Exception(503, "benchmark: the slave received different keys than the master");
                    }
                }
            })).ConfigureAwait(false);
            return latencies;
        }
    }
}
