using System.Globalization;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Scenario;
using GatewayQkd.Reporting;
using GatewayQkd.Simulation;

namespace GatewayQkd.Cli.Commands.Simulate;

/// <summary>
/// `simulate --scenario FILE`: the emulation scenario in the DDKA simulator (<see cref="ScenarioSimulation"/>), one run
/// per weather phase; prints V_gen per gateway and delay and SR by K_sec per phase, and with --out writes them as CSV.
/// </summary>
internal static class SimulateScenario
{
    public static int Run(FileInfo file, string? folder, TextWriter output, TextWriter error)
    {
        EmulationOptions options;
        try
        {
            options = ScenarioFile.Load(file.FullName);
        }
        catch (EmulationOptionsException e)
        {
            error.WriteLine($"gatewayqkd simulate: --scenario: {e.Message}");
            return 2;
        }

        if (options.Geography is null)
        {
            error.WriteLine($"gatewayqkd simulate: --scenario: '{file.FullName}' has no geography (hap, sites, weather); the simulator takes its rates per phase from it (docs/emulation.md s4b).");
            return 2;
        }

        var seconds = options.Duration.TotalSeconds * options.Speed;
        IReadOnlyList<PhaseLevelStats> stats;
        IReadOnlyList<(string Phase, SimulationOptions Options, SimulationResult Result)> runs;
        try
        {
            (stats, runs) = ScenarioSimulation.Run(options, seconds);
        }
        catch (SimulationOptionsException e)
        {
            error.WriteLine($"gatewayqkd simulate: --scenario: {e.Message}");
            return 2;
        }

        var phases = ScenarioPhases.Of(options.Geography, options.Gateways, seconds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scenario '{options.Name}' in the simulator: {options.Gateways} gateways, {seconds:0.#} s, DDKA w = {options.TradeOff}, t_slot = {options.SlotSeconds} s."));
        foreach (var (name, start, end) in phases.Intervals())
        {
            var run = runs.FirstOrDefault(r => r.Phase == name);
            var vgen = run.Options is null ? "no requests" : string.Join(", ", Enumerable.Range(0, options.Gateways).Select(g => string.Create(CultureInfo.InvariantCulture, $"GN {g + 1} {run.Options.VGenOf(g):0}")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-7} {start,6:0.0}-{end,6:0.0} s  V_gen bit/s: {vgen}"));
        }

        output.WriteLine("  phase    K_sec   requests   mean delay s       SR");
        var table = new CsvTable("phase", "k_sec", "requests", "mean_delay_s", "success_rate");
        foreach (var s in stats)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Phase,-7} {s.SecurityLevel,6} {s.Sent,10} {s.MeanDelaySeconds,14:0.####} {s.SuccessRate,8:0.###}"));
            table.AddRow(s.Phase, s.SecurityLevel, s.Sent, Math.Round(s.MeanDelaySeconds, 6), Math.Round(s.SuccessRate, 6));
        }

        if (folder is not null)
        {
            var path = Path.Combine(folder, "scenario-simulation.csv");
            Directory.CreateDirectory(folder);
            table.Save(path);
            error.WriteLine($"wrote {path}");
        }

        return 0;
    }
}
