using System.CommandLine;
using System.Globalization;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Kms.Benchmarks;
using GatewayQkd.Kms.Server;
using GatewayQkd.Reporting;

namespace GatewayQkd.Cli.Commands.Kms;

/// <summary>The `kms bench` command: enc_keys + dec_keys pairs per second over HTTPS on loopback.</summary>
public static class KmsBenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var defaults = new KmsBenchmarkOptions();
        var policy = new KmsPolicy();
        var pairs = CliOption.Bounded("--pairs", "Measured enc_keys + dec_keys pairs per concurrency level", defaults.Pairs,
            1, int.MaxValue);
        var warmup = CliOption.Bounded("--warmup", "Unmeasured warm-up pairs first (JIT, TLS sessions, SQLite cache)",
            defaults.WarmupPairs, 0, int.MaxValue);
        var concurrency = CliOption.Checked(
            CliOption.List("--concurrency", "Concurrent request loops, one run per value", defaults.Concurrency),
            levels => levels.Length == 0 || levels.Any(c => c < 1)
                ? "--concurrency needs one or more levels, each at least 1." : null);
        var size = CliOption.Checked(
            CliOption.Bounded("--size", "Key size in bits (a multiple of 8)", defaults.KeySizeBits, policy.MinKeySizeBits,
                policy.MaxKeySizeBits),
            bits => bits % 8 == 0 ? null : $"--size must be a multiple of 8, got {bits}.");
        var keys = CliOption.Bounded("--keys-per-request", "Keys per enc_keys / dec_keys request", defaults.KeysPerRequest,
            1, int.MaxValue);
        var csv = CliOption.Described<string?>("--csv", "Also write the figures to this CSV file");
        var command = new Command("bench", "Measure ETSI GS QKD 014 enc_keys + dec_keys pairs per second over HTTPS on loopback.");
        CliOption.AddTo(command, pairs, warmup, concurrency, size, keys, csv);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            IReadOnlyList<KmsBenchmarkResult> results;
            try
            {
                results = await KmsLoopbackBenchmark.RunAsync(new KmsBenchmarkOptions
                {
                    Pairs = parseResult.GetValue(pairs),
                    WarmupPairs = parseResult.GetValue(warmup),
                    Concurrency = parseResult.GetValue(concurrency)!,
                    KeySizeBits = parseResult.GetValue(size),
                    KeysPerRequest = parseResult.GetValue(keys),
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"gatewayqkd kms bench: {e.Message}")
                    .ConfigureAwait(false);
                return 2;
            }

            var table = new CsvTable("concurrency", "pairs", "keys_per_request", "key_size_bits", "seconds",
                "pairs_per_second", "keys_per_second", "mean_pair_ms");
            await output.WriteLineAsync("concurrency  pairs  keys/req  size  seconds  pairs/s  keys/s  mean pair ms")
                .ConfigureAwait(false);
            foreach (var r in results)
            {
                table.AddRow(r.Concurrency, r.Pairs, r.KeysPerRequest, r.KeySizeBits, r.Seconds, r.PairsPerSecond,
                    r.KeysPerSecond, r.MeanPairMilliseconds);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Concurrency,11}  {r.Pairs,5}  {r.KeysPerRequest,8}  {r.KeySizeBits,4}  {r.Seconds,7:F2}  " +
                    $"{r.PairsPerSecond,7:F0}  {r.KeysPerSecond,6:F0}  {r.MeanPairMilliseconds,12:F2}")).ConfigureAwait(false);
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
