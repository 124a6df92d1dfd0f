using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Sweeps;
using Spectre.Console;

namespace GatewayQkd.Cli.Commands.Simulate;

/// <summary>Runs `simulate`: single runs (one per scheme and seed) or a sweep, then table/JSON, CSV and PNG output.</summary>
internal static class SimulateAction
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static int Run(ParseResult parse, SimulateOptionSet set)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        TextWriter error = parse.InvocationConfiguration.Error;
        try
        {
            string? presetName = parse.GetValue(set.Preset);
            SimulationPreset? preset = presetName is null ? null : SimulationPreset.Find(presetName)
                ?? throw new SimulationOptionsException("--preset", $"unknown preset '{presetName}' (known: {string.Join(", ", SimulationPreset.All.Select(p => p.Name))}).");
            SimulationOptions options = set.ToOptions(parse, preset);
            IReadOnlyList<SchemeKind> schemes = set.ToSchemes(parse, preset);
            SweepSpec? sweep = set.ToSweep(parse, preset, schemes);
            string? folder = parse.GetValue(set.Out);
            bool json = parse.GetValue(set.Json);
            bool progress = parse.GetValue(set.Progress) || string.Equals(preset?.Name, "scale", StringComparison.OrdinalIgnoreCase);
            var clock = Stopwatch.StartNew();
            if (sweep is not null)
            {
                var points = WithProgress(error, progress, "runs", report => SweepRunner.Run(options, sweep, TextWriter.Null, report));
                if (json)
                {
                    output.WriteLine(JsonSerializer.Serialize(new { options, sweep, points }, JsonOptions));
                }
                else
                {
                    SimulateTables.WriteSweep(output, sweep, points);
                }

                WriteFiles(error, folder, () => SimulateFiles.SaveSweep(folder!, sweep, points));
            }
            else
            {
                int seeds = set.SeedCount(parse);
                if (seeds < 1)
                {
                    throw new SimulationOptionsException("--seeds", $"must be at least 1 (got {seeds}).");
                }

                // Schemes and seeds run in parallel on all cores; a single run shows request progress.
                var plan = schemes.SelectMany(scheme => SweepRunner.Seeds(options with { Scheme = scheme }, seeds)).ToArray();
                var runs = plan.Length == 1
                    ? [WithProgress(error, progress, "requests", report => new Simulator(plan[0], TextWriter.Null, report).Run())]
                    : WithProgress(error, progress, "runs", report => SweepRunner.RunAll(plan, report));
                var points = runs.GroupBy(r => r.Scheme).Select(g => SweepRunner.Aggregate(g.Key, null, 0, g.ToArray())).ToArray();
                if (json)
                {
                    output.WriteLine(JsonSerializer.Serialize(new { options, summary = points, runs }, JsonOptions));
                }
                else
                {
                    SimulateTables.WriteRuns(output, points, runs);
                    WriteThroughput(output, runs.Sum(r => r.Requests), clock.Elapsed);
                }

                WriteFiles(error, folder, () => SimulateFiles.SaveRuns(folder!, runs));
            }

            return 0;
        }
        catch (SimulationOptionsException e)
        {
            // The simulator names the input in its own terms (Load); report the option that sets it (--load).
            error.WriteLine($"gatewayqkd simulate: {set.Map.NameOf(e.Parameter, "simulate")}: {e.Problem}");
            return 2;
        }
    }

    private static void WriteThroughput(TextWriter output, long requests, TimeSpan elapsed)
    {
        using var process = Process.GetCurrentProcess();
        double cpu = process.TotalProcessorTime.TotalSeconds;
        output.WriteLine(
            $"{requests} requests simulated in {elapsed.TotalSeconds:F2} s wall ({requests / Math.Max(elapsed.TotalSeconds, 1e-9):F0} requests/s), " +
            $"{cpu:F2} s CPU for the whole process ({requests / Math.Max(cpu, 1e-9):F0} requests per CPU-second); " +
            $"peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB.");
    }

    private static void WriteFiles(TextWriter error, string? folder, Func<IEnumerable<string>> save)
    {
        if (folder is null)
        {
            return;
        }

        foreach (string path in save())
        {
            error.WriteLine($"wrote {path}");
        }
    }

    private static T WithProgress<T>(TextWriter error, bool show, string unit, Func<Action<long, long>?, T> work)
    {
        if (!show)
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return console.Progress().Start(context =>
        {
            var task = context.AddTask($"simulating ({unit})");
            T result = work((done, total) =>
            {
                task.MaxValue = Math.Max(1, total);
                task.Value = done;
            });
            task.Value = task.MaxValue;
            return result;
        });
    }
}
