using System.CommandLine;
using System.Globalization;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Kms.Benchmarks;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Server;
using GatewayQkd.Kms.Store;
using GatewayQkd.Reporting;

namespace GatewayQkd.Cli.Commands.Kms;

/// <summary>
/// The `kms bench` command: enc_keys + dec_keys pairs and keys per second, pair latency p50/p99 and store commits per
/// request over mutual-TLS HTTPS on loopback, one run per keys-per-request value and client count.
/// </summary>
public static class KmsBenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var defaults = new KmsBenchmarkOptions();
        var policy = new KmsPolicy();
        var pairs = CliOption.Bounded("--pairs", "Measured enc_keys + dec_keys pairs per run", defaults.Pairs,
            1, int.MaxValue);
        var warmup = CliOption.Bounded("--warmup", "Unmeasured warm-up pairs first (JIT, TLS sessions, SQLite cache)",
            defaults.WarmupPairs, 0, int.MaxValue);
        var steady = CliOption.Bounded("--steady-seconds",
            "Then warm up for at most this long more, in rounds of --warmup pairs, until a round spends under 2% of its CPU " +
            "in the JIT (tiered compilation recompiles hot code long after start); 0 turns it off", 120, 0, 3600);
        var concurrency = CliOption.Checked(
            CliOption.List("--concurrency", "Concurrent keep-alive clients, one run per value", defaults.Concurrency),
            levels => levels.Length == 0 || levels.Any(c => c < 1)
                ? "--concurrency needs one or more levels, each at least 1." : null);
        var size = CliOption.Checked(
            CliOption.Bounded("--size", "Key size in bits (a multiple of 8)", defaults.KeySizeBits, policy.MinKeySizeBits,
                policy.MaxKeySizeBits),
            bits => bits % 8 == 0 ? null : $"--size must be a multiple of 8, got {bits}.");
        var keys = CliOption.Checked(
            CliOption.List("--keys-per-request", "Keys per enc_keys / dec_keys request, one run per value", defaults.KeysPerRequest),
            levels => levels.Length == 0 || levels.Any(k => k < 1 || k > 1024)
                ? "--keys-per-request needs one or more values, each within 1..1024." : null);
        var engine = CliOption.Choice("--engine",
            "Store of the run: sqlite (a temporary file, the default) or postgres (a throw-away local PostgreSQL server; " +
            "needs Debian's postgresql package)", "sqlite", "postgres");
        var database = CliOption.Parsed(CliOption.Described<string?>("--db",
            "Run on this existing database instead: an SQLite file, postgres://user[:password]@host[:port]/database or an " +
            "Npgsql connection string (its cs - gn-1 ETSI 014 reservation gets the key material)"), text => DatabaseEngine.Parse(text));
        var http = CliOption.Choice("--http",
            "HTTP version of the clients: 1.1 (each client its own keep-alive connections, the default) or 2 (the clients " +
            "of each SAE share one client and one TLS connection, requests multiplexed)", "1.1", "2");
        var csv = CliOption.Described<string?>("--csv", "Also write the figures to this CSV file");
        var command = new Command("bench",
            "Measure ETSI GS QKD 014 enc_keys + dec_keys keys and pairs per second and pair latency over mutual-TLS HTTPS on loopback.");
        CliOption.AddTo(command, pairs, warmup, steady, concurrency, size, keys, engine, database, http, csv);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var existing = parseResult.GetValue(database) is { } text ? DatabaseEngine.Parse(text) : null;
            var kind = parseResult.GetValue(engine) == "postgres" ? DatabaseKind.Postgres : DatabaseKind.Sqlite;
            await output.WriteLineAsync(existing is not null
                ? $"store: {existing}"
                : $"store: {(kind == DatabaseKind.Postgres ? "PostgreSQL, a throw-away local server" : "SQLite, a temporary file")}").ConfigureAwait(false);
            IReadOnlyList<KmsBenchmarkResult> results;
            try
            {
                results = await KmsLoopbackBenchmark.RunAsync(new KmsBenchmarkOptions
                {
                    Pairs = parseResult.GetValue(pairs),
                    WarmupPairs = parseResult.GetValue(warmup),
                    SteadyWarmupSeconds = parseResult.GetValue(steady),
                    Concurrency = parseResult.GetValue(concurrency)!,
                    KeySizeBits = parseResult.GetValue(size),
                    KeysPerRequest = parseResult.GetValue(keys)!,
                    Engine = kind,
                    Database = existing,
                    HttpVersion = parseResult.GetValue(http) == "2" ? System.Net.HttpVersion.Version20 : System.Net.HttpVersion.Version11,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArgumentException or KeyStoreException or FileNotFoundException or InvalidOperationException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"gatewayqkd kms bench: {e.Message}")
                    .ConfigureAwait(false);
                return 2;
            }

            var table = new CsvTable("concurrency", "pairs", "keys_per_request", "key_size_bits", "seconds",
                "pairs_per_second", "keys_per_second", "mean_pair_ms", "p50_pair_ms", "p99_pair_ms", "commits_per_request", "cpu_us_per_key", "round_trips_per_request", "jit_ms");
            await output.WriteLineAsync(
                "concurrency  pairs  keys/req  size  seconds  pairs/s  keys/s  mean pair ms  p50 ms  p99 ms  commits/req  cpu us/key  trips/req  jit ms")
                .ConfigureAwait(false);
            foreach (var r in results)
            {
                table.AddRow(r.Concurrency, r.Pairs, r.KeysPerRequest, r.KeySizeBits, r.Seconds, r.PairsPerSecond,
                    r.KeysPerSecond, r.MeanPairMilliseconds, r.P50PairMilliseconds, r.P99PairMilliseconds, r.CommitsPerRequest, r.CpuMicrosecondsPerKey,
                    r.RoundTripsPerRequest, r.JitMilliseconds);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Concurrency,11}  {r.Pairs,5}  {r.KeysPerRequest,8}  {r.KeySizeBits,4}  {r.Seconds,7:F2}  " +
                    $"{r.PairsPerSecond,7:F0}  {r.KeysPerSecond,6:F0}  {r.MeanPairMilliseconds,12:F2}  " +
                    $"{r.P50PairMilliseconds,6:F2}  {r.P99PairMilliseconds,6:F2}  {r.CommitsPerRequest,11:F2}  {r.CpuMicrosecondsPerKey,10:F0}  " +
                    $"{r.RoundTripsPerRequest,9:F1}  {r.JitMilliseconds,6:F0}")).ConfigureAwait(false);
            }

            if (parseResult.GetValue(csv) is { } path)
            {
                table.Save(path);
                await output.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
