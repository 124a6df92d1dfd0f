using System.Diagnostics;
using System.Globalization;
using System.Text;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Sweeps;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>
/// `bench channel`: the 1,000-point fading-averaged distance sweep of a HAP downlink (0-100 km, spherical wave, HV5/7,
/// 4 urad jitter): process CPU time and wall time per point, sequential and with the points in parallel; and the accuracy of
/// the quadrature against 10^6-sample Monte Carlo of the same fading law at five distances.
/// </summary>
internal sealed class ChannelSuite : IBenchSuite
{
    private const int Points = 1_000;
    private const int Samples = 1_000_000;
    private static readonly LinkOptions Template = new() { Wave = WaveModel.Spherical, JitterUrad = 4 };

    public string Name => "channel";

    public string Description => "1,000-point fading-averaged sweep: CPU and wall time per point (sequential, parallel); quadrature vs 10^6-sample Monte Carlo";

    public Task<string> RunAsync(BenchSettings settings, TextWriter progress)
    {
        var distances = new SweepRange(0, 100, Points).Values();
        Sweep(distances, parallel: false);
        var text = new StringBuilder();
        text.AppendLine("| sweep (1,000 points) | CPU s | CPU ms/point | wall s | wall ms/point |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var parallel in new[] { false, true })
        {
            var (cpu, wall) = Enumerable.Range(0, 3).Select(_ => Sweep(distances, parallel)).MinBy(t => t.Cpu);
            var row = string.Create(CultureInfo.InvariantCulture, $"| {(parallel ? $"parallel ({Environment.ProcessorCount} cores)" : "sequential")} | {cpu:0.000} | {cpu * 1000 / Points:0.000} | {wall:0.000} | {wall * 1000 / Points:0.000} |");
            progress.WriteLine(row);
            text.AppendLine(row);
        }

        text.AppendLine();
        text.AppendLine("| distance (km) | block SKR dev. | per-state SKR dev. | gain dev. | outage num. / MC | 4 SE of MC SKR |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var d in new[] { 0.0, 25, 50, 75, 100 })
        {
            var options = SweepVariable.Distance.Apply(Template, d);
            var numerical = LinkModel.Evaluate(options).Averaged;
            var sampled = LinkModel.EvaluateMonteCarlo(options, Samples, 7).Averaged;
            static string Dev(double n, double m) => (m == 0 && n == 0 ? 0 : (n - m) / m).ToString("+0.000%;-0.000%", CultureInfo.InvariantCulture);
            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {d:0} | {Dev(numerical.Block.KeyRatePerPulse, sampled.Block.KeyRatePerPulse)} | {Dev(numerical.KeyRatePerPulse, sampled.KeyRatePerPulse)} | {Dev(numerical.Gain, sampled.Gain)} | {numerical.OutageProbability:G3} / {sampled.OutageProbability:G3} | {4 * sampled.KeyRateStandardError / sampled.KeyRatePerPulse:0.000%} |");
            progress.WriteLine(row);
            text.AppendLine(row);
        }

        return Task.FromResult(text.ToString());
    }

    private static (double Cpu, double Wall) Sweep(IReadOnlyList<double> distances, bool parallel)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var query = parallel ? distances.AsParallel().AsOrdered() : distances.AsParallel().WithDegreeOfParallelism(1);
        var sum = query.Select(d => LinkModel.Evaluate(SweepVariable.Distance.Apply(Template, d)).KeyRatePerPulse).Sum();
        clock.Stop();
        process.Refresh();
        GC.KeepAlive(sum);
        return ((process.TotalProcessorTime - cpu).TotalSeconds, clock.Elapsed.TotalSeconds);
    }
}
