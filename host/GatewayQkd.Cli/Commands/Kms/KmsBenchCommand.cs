using System.CommandLine;
using System.Globalization;
using GatewayQkd.Kms.Benchmarks;
using GatewayQkd.Reporting;

namespace GatewayQkd.Cli.Commands.Kms;

/// <summary>The `kms bench` command: enc_keys + dec_keys pairs per second over HTTPS on loopback.</summary>
public static class KmsBenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var defaults = new KmsBenchmarkOptions();
        var pairs = new Option<int>("--pairs")
        {
            Description = "Measured enc_keys + dec_keys pairs per concurrency level",
            DefaultValueFactory = _ => defaults.Pairs,
        };
        var concurrency = new Option<int[]>("--concurrency")
        {
            Description = "Concurrent request loops, one run per value",
            DefaultValueFactory = _ => [.. defaults.Concurrency],
            AllowMultipleArgumentsPerToken = true,
        };
        var size = new Option<int>("--size")
        {
            Description = "Key size in bits",
            DefaultValueFactory = _ => defaults.KeySizeBits,
        };
        var keys = new Option<int>("--keys-per-request")
        {
            Description = "Keys per enc_keys / dec_keys request",
            DefaultValueFactory = _ => defaults.KeysPerRequest,
        };
        var csv = new Option<string?>("--csv") { Description = "Also write the figures to this CSV file" };
        var command = new Command("bench", "Measure ETSI GS QKD 014 enc_keys + dec_keys pairs per second over HTTPS on loopback.");
        command.Options.Add(pairs);
        command.Options.Add(concurrency);
        command.Options.Add(size);
        command.Options.Add(keys);
        command.Options.Add(csv);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            IReadOnlyList<KmsBenchmarkResult> results;
            try
            {
                results = await KmsLoopbackBenchmark.RunAsync(new KmsBenchmarkOptions
                {
                    Pairs = parseResult.GetValue(pairs),
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
