using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Sweeps;
using GatewayQkd.Simulation.Workload;

namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>
/// `bench simulation`: simulator throughput on one thread, in requests per wall-clock second and per CPU second of
/// that thread, and managed bytes allocated per request, for DDKA on the paper's 4 gateways at L_req 1.5 (and its
/// requests drawn without simulating them, the workload's share), every other scheme there, and the scale preset (2000
/// gateways); then a sweep's parallel speed-up over all cores.
/// </summary>
internal sealed class SimulationSuite : IBenchSuite
{
    /// <summary>Measured runs per row; the median is reported.</summary>
    private const int Repeats = 3;

    public string Name => "simulation";

    public string Description => "DDKA simulator requests/s (one thread) and bytes allocated per request: 4 gateways at L_req 1.5 for every scheme, the workload's draw alone, the scale preset, and a parallel sweep";

    public async Task<string> RunAsync(BenchSettings settings, TextWriter progress)
    {
        // Points are sized by --seconds: about 10^7 requests per 6 s at the machine's rate (at least 10^6).
        long requests = Math.Max(1_000_000, (long)(settings.Seconds * 2_000_000));
        var paper = new SimulationOptions { Load = 1.5, Requests = requests };
        var scale = SimulationPreset.Find("scale")!.Options with { Requests = requests };

        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Each row: warm-up until the JIT is done, then the median of {Repeats} runs."));
        text.AppendLine();
        text.AppendLine("| run | requests | wall (s) | thread CPU (s) | requests/s (wall) | requests per CPU-second | bytes allocated per request |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(await Row("DDKA, 4 gateways, L_req 1.5", paper, progress));
        text.AppendLine(await DrawRow("the same workload drawn, not simulated (`PoissonRequestSource.Fill`)", paper with { Requests = 8 * requests }, progress));
        text.AppendLine(await Row("DDKA, scale preset (2000 gateways, 400 HAP channels, L_req 100)", scale, progress));
        foreach (var scheme in SchemeDefinition.All.Where(s => s.Kind != SchemeKind.Ddka))
        {
            text.AppendLine(await Row($"{scheme.Name}, 4 gateways, L_req 1.5", paper with { Scheme = scheme.Kind, Requests = requests / 4 }, progress));
        }

        text.AppendLine().Append(await Parallel(paper with { Requests = requests / 8 }, progress));
        return text.ToString();
    }

    private static Task<string> Row(string name, SimulationOptions options, TextWriter progress)
    {
        WarmUp(options);
        return Report(name, () => new Simulator(options, TextWriter.Null).Run().Requests, progress);
    }

    /// <summary>
    /// The workload's share of a run: the paper's requests drawn in the simulator's batches and discarded, so a reader
    /// sees how much of a request's time is the draw (three 64-bit random numbers, the ziggurat, rounding) and how
    /// much the scheduling. Given 8 times the requests of a simulated row: the draw is about that much faster, and the
    /// thread clock counts in 10 ms steps.
    /// </summary>
    private static Task<string> DrawRow(string name, SimulationOptions options, TextWriter progress)
    {
        Draw(options with { Requests = Math.Min(options.Requests, 1_000_000) });
        return Report(name, () => Draw(options), progress);
    }

    /// <summary>Measures <paramref name="run"/> (returning the requests it handled) <see cref="Repeats"/> times and formats the median run as a table row.</summary>
    private static async Task<string> Report(string name, Func<long> run, TextWriter progress)
    {
        var runs = new (double Wall, double Thread, double Bytes, long Requests)[Repeats];
        for (int i = 0; i < Repeats; i++)
        {
            runs[i] = Measure(run);
        }

        // The run with the median CPU time stands for the row (a burst of load on the machine moves one run, not the row).
        Array.Sort(runs, (a, b) => a.Thread.CompareTo(b.Thread));
        var (wall, thread, bytes, requests) = runs[Repeats / 2];
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {requests / wall / 1e6:0.00} M requests/s wall, {requests / thread / 1e6:0.00} M per CPU-second, {bytes:0.000} B/request"));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {requests:N0} | {wall:0.00} | {thread:0.00} | {requests / wall:N0} | {requests / thread:N0} | {bytes:0.000} |");
    }

    /// <summary>Draws the options' requests in batches of the simulator's size; returns how many (the last arrival is checked so the loop is not dead code).</summary>
    private static long Draw(SimulationOptions options)
    {
        var source = new PoissonRequestSource(options);
        var batch = new SimRequest[256];
        long drawn = 0;
        long last = -1;
        int count;
        while ((count = source.Fill(batch)) > 0)
        {
            drawn += count;
            last = batch[count - 1].ArrivalTicks;
        }

        return last >= 0 ? drawn : throw new InvalidOperationException("The workload drew no request.");
    }

    private static (double Wall, double Thread, double Bytes, long Requests) Measure(Func<long> run)
    {
        GC.Collect();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        TimeSpan cpu = ThreadCpu();
        var clock = Stopwatch.StartNew();
        long requests = run();
        double wall = clock.Elapsed.TotalSeconds;
        double thread = (ThreadCpu() - cpu).TotalSeconds;
        double bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)requests;
        return (wall, thread, bytes, requests);
    }

    /// <summary>
    /// Runs the configuration until a whole run compiles no method (at least 3 runs and 1 s). With tiered compilation
    /// the hot methods start unoptimised, are counted only after a 100 ms pause in new compilations and are recompiled
    /// (instrumented, then optimised) on a background thread; a fixed short warm-up left much of the first measured run
    /// in tier-0 code, and how much depended on wall-clock time, so an idle machine measured slower per CPU-second
    /// (5.7 M) than a loaded one (9.7 M), whose stretched warm-up gave the JIT time.
    /// </summary>
    private static void WarmUp(SimulationOptions options)
    {
        var warm = options with { Requests = Math.Min(options.Requests, 500_000) };
        var clock = Stopwatch.StartNew();
        for (int run = 0; run < 100; run++)
        {
            long compiled = JitInfo.GetCompiledMethodCount();
            new Simulator(warm, TextWriter.Null).Run();
            if (run >= 2 && clock.Elapsed.TotalSeconds >= 1 && JitInfo.GetCompiledMethodCount() == compiled)
            {
                return;
            }
        }
    }

    private static async Task<string> Parallel(SimulationOptions options, TextWriter progress)
    {
        var runs = SweepRunner.Seeds(options, 2 * Environment.ProcessorCount).ToArray();
        var clock = Stopwatch.StartNew();
        foreach (var run in runs.Take(Environment.ProcessorCount))
        {
            new Simulator(run, TextWriter.Null).Run();
        }

        double sequential = clock.Elapsed.TotalSeconds / Environment.ProcessorCount * runs.Length;
        clock.Restart();
        SweepRunner.RunAll(runs);
        double parallel = clock.Elapsed.TotalSeconds;
        long total = runs.Sum(r => r.Requests);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {runs.Length} seeds in parallel on {Environment.ProcessorCount} cores: {total / parallel / 1e6:0.00} M requests/s, {sequential / parallel:0.00}x the one-thread rate"));
        return string.Create(CultureInfo.InvariantCulture,
            $"Parallel seeds (`SweepRunner.RunAll`, {runs.Length} DDKA runs of {options.Requests:N0} requests on {Environment.ProcessorCount} cores): {total / parallel:N0} requests/s wall, {sequential / parallel:0.00}x one thread.\n");
    }

    /// <summary>CPU time of the calling thread (Linux: /proc/thread-self/stat utime + stime), else of the process.</summary>
    private static TimeSpan ThreadCpu()
    {
        const string stat = "/proc/thread-self/stat";
        if (File.Exists(stat))
        {
            string text = File.ReadAllText(stat);
            string[] fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
