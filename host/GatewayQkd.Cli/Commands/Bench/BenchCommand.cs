using System.CommandLine;
using System.Globalization;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>
/// The `bench` command: runs named benchmark suites (<see cref="BenchSuites"/>; `--list` shows them) and prints
/// Markdown tables, optionally saved with --out. Figures are for the machine it runs on.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var suites = new Argument<string[]>("suite") { Description = "Suites to run (default: all); see --list.", Arity = ArgumentArity.ZeroOrMore };
        var list = CliOption.Described<bool>("--list", "List the suites and exit.");
        var seconds = CliOption.Checked(
            CliOption.Described<double>("--seconds", "Wall-clock seconds per measured point.", 6),
            s => s is > 0 and <= 3600 ? null : string.Create(CultureInfo.InvariantCulture, $"--seconds must be above 0 and at most 3600, got {s}."));
        var gateways = CliOption.Checked(
            CliOption.List<int>("--gateways", "Gateway counts to measure (emulation: 1 10 100; capacity: 100 1000).", [1, 10, 100]),
            counts => counts.Length == 0 || counts.Any(n => n is < 1 or > EmulationOptionsValidator.MaxGateways)
                ? $"--gateways must be counts 1..{EmulationOptionsValidator.MaxGateways}, got {string.Join(' ', counts)}."
                : null);
        var steps = CliOption.Checked(
            CliOption.Described<int>("--steps", "capacity: most load steps per gateway count and broker.", 12),
            n => n is >= 1 and <= 100 ? null : string.Create(CultureInfo.InvariantCulture, $"--steps must be 1..100, got {n}."));
        var start = CliOption.Checked(
            CliOption.Described<double>("--start", "capacity: key requests/s per gateway at the first step (to start the ladder above a load already measured).", 2),
            r => r is > 0 and <= 1000 ? null : string.Create(CultureInfo.InvariantCulture, $"--start must be above 0 and at most 1000, got {r}."));
        var brokers = CliOption.Checked(
            CliOption.Described<string>("--brokers", "capacity: which brokers to measure: both, mosquitto or embedded.", "both"),
            b => b is "both" or "mosquitto" or "embedded" ? null : $"--brokers must be both, mosquitto or embedded, got '{b}'.");
        var phases = CliOption.Checked(
            CliOption.Described<int>("--slot-phases", "capacity: at how many instants per 50 ms slot the gateways' slots end, as boards booted apart (1: all at the same instant).", GatewayQkd.Emulation.Benchmarks.CapacityBenchmark.DefaultSlotPhases),
            n => n is >= 1 and <= 50 ? null : string.Create(CultureInfo.InvariantCulture, $"--slot-phases must be 1..50 (one per millisecond of the 50 ms slot at most), got {n}."));
        var onDisk = CliOption.Described<bool>("--on-disk", "Keep run state on disk (out/bench) instead of RAM (/dev/shm): every durable write then pays the disk's fsync.");

        // Checked before the suites run for minutes: a path that cannot take the results fails now.
        var outFile = CliOption.Checked(
            CliOption.Aliased(CliOption.Described<FileInfo?>("--out", "Also write the Markdown results to this file."), "-o"),
            file => file is not null && (Directory.Exists(file.FullName) || file.Directory is not { Exists: true }) ? $"--out must be a file in an existing folder, got '{file.FullName}'." : null);
        var command = new Command("bench", "Run benchmark suites (emulation: key deliveries/s and latency with the embedded broker and Mosquitto) and print the figures.");
        command.Arguments.Add(suites);
        CliOption.AddTo(command, list, seconds, gateways, steps, start, brokers, phases, onDisk, outFile);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(list))
            {
                foreach (var suite in BenchSuites.All)
                {
                    await output.WriteLineAsync($"{suite.Name}: {suite.Description}");
                }

                return 0;
            }

            var names = parse.GetValue(suites) is { Length: > 0 } given ? given : [.. BenchSuites.All.Select(s => s.Name)];
            var unknown = names.Where(n => BenchSuites.All.All(s => s.Name != n)).ToArray();
            if (unknown.Length > 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Unknown suite(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", BenchSuites.All.Select(s => s.Name))}.");
                return 2;
            }

            var root = !parse.GetValue(onDisk) && Directory.Exists("/dev/shm") ? "/dev/shm" : Path.Combine("out", "bench");
            var settings = new BenchSettings(parse.GetValue(seconds), parse.GetValue(gateways)!, root, parse.GetResult(gateways) is { Implicit: false }, parse.GetValue(steps), parse.GetValue(start), parse.GetValue(brokers)!, parse.GetValue(phases));
            var markdown = new System.Text.StringBuilder();
            markdown.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; state in {root}; {settings.Seconds:0.#} s per point.");
            foreach (var suite in BenchSuites.All.Where(s => names.Contains(s.Name)))
            {
                await output.WriteLineAsync($"== {suite.Name}: {suite.Description}");
                try
                {
                    // A stop (SIGINT, SIGTERM) does not wait for the suite's point to end: the results so far are printed,
                    // marked partial, and the program's exit ends the children the suite started (StopSignals).
                    markdown.AppendLine().AppendLine($"### {suite.Name}").AppendLine().Append(await suite.RunAsync(settings, output).WaitAsync(cancellationToken));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    markdown.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Partial results: the bench {StopSignals.StopReason()} during suite {suite.Name}, whose figures so far are only in the progress lines.");
                    break;
                }
                catch (FileNotFoundException e)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                    return 1;
                }
            }

            await output.WriteLineAsync(markdown.ToString());
            if (parse.GetValue(outFile) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, markdown.ToString());
            }

            return 0;
        });
        return command;
    }
}
