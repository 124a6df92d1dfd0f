using GatewayQkd.Simulation.Schemes;

namespace GatewayQkd.Simulation.Sweeps;

/// <summary>
/// A named set-up that reproduces one of the DDKA paper's figures (or the scale run) with one command: base options
/// and, for figures, the sweep. Figures come in delay/SR pairs from the same runs (7/8, 10/11, 12/13), so both names
/// of a pair select the same preset and both plots are written.
/// </summary>
public sealed record SimulationPreset(string Name, string Description, SimulationOptions Options, SweepSpec? Sweep)
{
    private static readonly IReadOnlyList<SchemeKind> Compared = SchemeDefinition.Paper;
    private static readonly double[] Loads = [0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0];

    /// <summary>Gets all presets.</summary>
    public static IReadOnlyList<SimulationPreset> All { get; } = Build();

    /// <summary>Returns the preset of that name (case-insensitive), or null.</summary>
    public static SimulationPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    private static List<SimulationPreset> Build()
    {
        var paper = new SimulationOptions { Requests = 20_000 };
        var byThreshold = new SweepSpec(SweepParameter.Load, Loads, SweepParameter.ThresholdLow, [512, 1024, 2048, 3072], [SchemeKind.Ddka], 5);
        var byW = new SweepSpec(SweepParameter.Load, Loads, SweepParameter.TradeOff, [0, 0.25, 0.5, 0.75, 1], [SchemeKind.Ddka], 5);
        var schemesByLoad = new SweepSpec(SweepParameter.Load, Loads, null, [], Compared, 5);
        var schemesByThreshold = new SweepSpec(SweepParameter.ThresholdLow, [0, 512, 1024, 1536, 2048, 2560, 3072, 3584, 4096], null, [], Compared, 5);
        return
        [
            new("fig7", "Fig. 7/8: DDKA delay and SR vs load, one line per K_threshold_low", paper, byThreshold),
            new("fig8", "Fig. 7/8: DDKA delay and SR vs load, one line per K_threshold_low", paper, byThreshold),
            new("fig9", "Fig. 9: DDKA delay vs load, one line per w (K_qua drawn independently of K_sec)",
                paper with { KeyQuantity = KeyQuantityMode.Independent }, byW),
            new("fig10", "Fig. 10/11: delay and SR vs load per scheme, DDKA's % improvement", paper, schemesByLoad),
            new("fig11", "Fig. 10/11: delay and SR vs load per scheme, DDKA's % improvement", paper, schemesByLoad),
            new("fig12", "Fig. 12/13: delay and SR vs K_threshold_low per scheme at L_req 1.5, DDKA's % improvement",
                paper with { Load = 1.5 }, schemesByThreshold),
            new("fig13", "Fig. 12/13: delay and SR vs K_threshold_low per scheme at L_req 1.5, DDKA's % improvement",
                paper with { Load = 1.5 }, schemesByThreshold),
            new("scale", "Scale: 2000 gateways, 10^7 requests, 400 HAP channels, per-gateway load as the paper's 0.2 over 4",
                new SimulationOptions { Gateways = 2000, HapChannels = 400, Load = 100, Requests = 10_000_000 }, null),
        ];
    }
}
