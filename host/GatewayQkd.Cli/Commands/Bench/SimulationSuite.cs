using System.Diagnostics;
using System.Globalization;
using System.Text;
using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Sweeps;

namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>
/// `bench simulation`: simulator throughput on one thread, in requests per wall-clock second and per CPU second of
/// that thread, and managed bytes allocated per request, for DDKA on the paper's 4 gateways at L_req 1.5, every other
/// scheme there, and the scale preset (2000 gateways); then a sweep's parallel speed-up over all cores.
/// </summary>
internal sealed class SimulationSuite : IBenchSuite
{
    public string Name => "simulation";

    public string Description => "DDKA simulator requests/s (one thread) and bytes allocated per request: 4 gateways at L_req 1.5 for every scheme, the scale preset, and a parallel sweep";

    public async Task<string> RunAsync(BenchSettings settings, TextWriter progress)
    {
        // Points are sized by --seconds: about 10^7 requests per 6 s at the machine's rate (at least 10^6).
        long requests = Math.Max(1_000_000, (long)(settings.Seconds * 2_000_000));
        var paper = new SimulationOptions { Load = 1.5, Requests = requests };
        var scale = SimulationPreset.Find("scale")!.Options with { Requests = requests };
        new Simulator(paper with { Requests = 200_000 }, TextWriter.Null).Run();
        new Simulator(scale with { Requests = 200_000 }, TextWriter.Null).Run();

        var text = new StringBuilder();
        text.AppendLine("| run | requests | wall (s) | thread CPU (s) | requests/s (wall) | requests per CPU-second | bytes allocated per request |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(await Row("DDKA, 4 gateways, L_req 1.5", paper, progress));
        text.AppendLine(await Row("DDKA, scale preset (2000 gateways, 400 HAP channels, L_req 100)", scale, progress));
        foreach (var scheme in SchemeDefinition.All.Where(s => s.Kind != SchemeKind.Ddka))
        {
            text.AppendLine(await Row($"{scheme.Name}, 4 gateways, L_req 1.5", paper with { Scheme = scheme.Kind, Requests = requests / 4 }, progress));
        }

        text.AppendLine().Append(await Parallel(paper with { Requests = requests / 8 }, progress));
        return text.ToString();
    }

    private static async Task<string> Row(string name, SimulationOptions options, TextWriter progress)
    {
        GC.Collect();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        TimeSpan cpu = ThreadCpu();
        var clock = Stopwatch.StartNew();
        var result = new Simulator(options, TextWriter.Null).Run();
        double wall = clock.Elapsed.TotalSeconds;
        double thread = (ThreadCpu() - cpu).TotalSeconds;
        double bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)result.Requests;
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {result.Requests / wall / 1e6:0.00} M requests/s wall, {result.Requests / thread / 1e6:0.00} M per CPU-second, {bytes:0.000} B/request"));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {result.Requests:N0} | {wall:0.00} | {thread:0.00} | {result.Requests / wall:N0} | {result.Requests / thread:N0} | {bytes:0.000} |");
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
