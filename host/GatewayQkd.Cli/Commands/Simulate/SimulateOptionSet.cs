using System.CommandLine;
using System.Globalization;
using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Supply;
using GatewayQkd.Simulation.Sweeps;

namespace GatewayQkd.Cli.Commands.Simulate;

/// <summary>
/// The options of `simulate`. Defaults come from <see cref="SimulationOptions"/> (or the chosen preset); an option given
/// on the command line overrides the preset's value.
/// </summary>
internal sealed class SimulateOptionSet
{
    private static readonly SimulationOptions Defaults = new();

    public Option<string?> Preset { get; } = new("--preset") { Description = "Reproduce a figure or the scale run: " + string.Join(", ", SimulationPreset.All.Select(p => p.Name)) + "." };

    public Option<string> Schemes { get; } = new("--scheme", "-s") { Description = "Schemes, comma-separated, or 'all': " + string.Join(", ", SchemeDefinition.All.Select(s => s.Name)) + ".", DefaultValueFactory = _ => "DDKA" };

    public Option<long> Requests { get; } = new("--requests", "-n") { Description = "Key requests per run.", DefaultValueFactory = _ => Defaults.Requests };

    public Option<double> Load { get; } = new("--load", "-l") { Description = "L_req = lambda t_slot (eq. 4); 0.2 is the paper's 5 s mean interval at t_slot 1 s.", DefaultValueFactory = _ => Defaults.Load };

    public Option<double> Slot { get; } = new("--slot") { Description = "t_slot in seconds.", DefaultValueFactory = _ => Defaults.SlotSeconds };

    public Option<int> Gateways { get; } = new("--gateways", "-g") { Description = "Number of gateways (paper: 4).", DefaultValueFactory = _ => Defaults.Gateways };

    public Option<long> Capacity { get; } = new("--capacity") { Description = "QKP capacity in bits (paper: 5120).", DefaultValueFactory = _ => Defaults.CapacityBits };

    public Option<long> Initial { get; } = new("--initial") { Description = "Initial K_sur in bits (paper: 1280 or 2560).", DefaultValueFactory = _ => Defaults.InitialBits };

    public Option<long> ThresholdLow { get; } = new("--threshold-low") { Description = "K_threshold_low in bits.", DefaultValueFactory = _ => Defaults.LowThresholdBits };

    public Option<long> ThresholdHigh { get; } = new("--threshold-high") { Description = "K_threshold_high in bits.", DefaultValueFactory = _ => Defaults.HighThresholdBits };

    public Option<double> W { get; } = new("--w") { Description = "Trade-off w of est (eq. 5), 0..1 (paper: 0.5).", DefaultValueFactory = _ => Defaults.W };

    public Option<double> VGen { get; } = new("--vgen") { Description = "V_gen in bit/s of every gateway's supplement link (paper: 2560).", DefaultValueFactory = _ => Defaults.VGenBitsPerSecond };

    public Option<string?> VGenPerGateway { get; } = new("--vgen-per-gateway") { Description = "Per-gateway V_gen in bit/s, comma-separated, cycled over the gateways (e.g. secret key rates from `gatewayqkd channel`)." };

    public Option<bool> VGenFromChannel { get; } = new("--vgen-from-channel") { Description = "Take V_gen per gateway from the channel model: gateways spread from --channel-min-km to --channel-max-km, V_gen = min(downlink, uplink) key rate (block distillation)." };

    public Option<double> ChannelMinKm { get; } = new("--channel-min-km") { Description = "Nearest gateway's ground distance from the HAP nadir in km (with --vgen-from-channel).", DefaultValueFactory = _ => 5 };

    public Option<double> ChannelMaxKm { get; } = new("--channel-max-km") { Description = "Farthest gateway's ground distance in km (with --vgen-from-channel).", DefaultValueFactory = _ => 50 };

    public Option<double> LinkRate { get; } = new("--link-rate") { Description = "Gateway-to-sensor link rate in bit/s, t_tra = 1/rate (paper: 1280).", DefaultValueFactory = _ => Defaults.LinkBitsPerSecond };

    public Option<int> HapChannels { get; } = new("--hap-channels") { Description = "Supplement requests the HAP serves at once (paper: 1).", DefaultValueFactory = _ => Defaults.HapChannels };

    public Option<KeyQuantityMode> KeyQuantity { get; } = new("--kqua") { Description = "K_qua: Level (key length of K_sec, default) or Independent.", DefaultValueFactory = _ => Defaults.KeyQuantity };

    public Option<LoadMeaning> LoadMeaning { get; } = new("--load-meaning") { Description = "What L_req changes: Rate (arrival rate only, eq. 4; default) or RateAndKeyQuantity (also K_qua x L_req, s4.2.1).", DefaultValueFactory = _ => Defaults.LoadMeaning };

    public Option<SupplementTiming> SupplementTiming { get; } = new("--supplement-timing") { Description = "DDKA/S2 threshold replenishment: IdleGaps (between requests, Table 4 line 16; default) or Continuous (whenever below K_threshold_low).", DefaultValueFactory = _ => Defaults.SupplementTiming };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Random seed; seeds seed..seed+n-1 are used for n seeds.", DefaultValueFactory = _ => Defaults.Seed };

    public Option<int> Seeds { get; } = new("--seeds") { Description = "Runs per point (95 % Student-t intervals over seeds).", DefaultValueFactory = _ => 1 };

    public Option<string?> Sweep { get; } = new("--sweep") { Description = "x axis: NAME=a,b,c or NAME=start:stop:step; NAME one of " + string.Join(", ", SweepParameters.Names) + "." };

    public Option<string?> Series { get; } = new("--series") { Description = "One line per value: NAME=a,b,c (same names as --sweep)." };

    public Option<string?> Out { get; } = new("--out", "-o") { Description = "Folder for CSV and PNG files." };

    public Option<bool> Json { get; } = new("--json") { Description = "Write JSON to standard output instead of the table." };

    public Option<bool> Progress { get; } = new("--progress") { Description = "Show a progress bar (on by default for the scale preset)." };

    public IEnumerable<Option> All =>
    [
        Preset, Schemes, Requests, Load, Slot, Gateways, Capacity, Initial, ThresholdLow, ThresholdHigh, W, VGen, VGenPerGateway,
        VGenFromChannel, ChannelMinKm, ChannelMaxKm, LinkRate, HapChannels, KeyQuantity, LoadMeaning, SupplementTiming, Seed, Seeds, Sweep, Series, Out, Json, Progress,
    ];

    /// <summary>Builds the run's options: the preset's (or defaults), overridden by options given explicitly.</summary>
    public SimulationOptions ToOptions(ParseResult parse, SimulationPreset? preset)
    {
        var o = preset?.Options ?? Defaults;
        o = Given(parse, Requests) ? o with { Requests = parse.GetValue(Requests) } : o;
        o = Given(parse, Load) ? o with { Load = parse.GetValue(Load) } : o;
        o = Given(parse, Slot) ? o with { SlotSeconds = parse.GetValue(Slot) } : o;
        o = Given(parse, Gateways) ? o with { Gateways = parse.GetValue(Gateways) } : o;
        o = Given(parse, Capacity) ? o with { CapacityBits = parse.GetValue(Capacity) } : o;
        o = Given(parse, Initial) ? o with { InitialBits = parse.GetValue(Initial) } : o;
        o = Given(parse, ThresholdLow) ? o with { LowThresholdBits = parse.GetValue(ThresholdLow) } : o;
        o = Given(parse, ThresholdHigh) ? o with { HighThresholdBits = parse.GetValue(ThresholdHigh) } : o;
        o = Given(parse, W) ? o with { W = parse.GetValue(W) } : o;
        o = Given(parse, VGen) ? o with { VGenBitsPerSecond = parse.GetValue(VGen) } : o;
        o = Given(parse, LinkRate) ? o with { LinkBitsPerSecond = parse.GetValue(LinkRate) } : o;
        o = Given(parse, HapChannels) ? o with { HapChannels = parse.GetValue(HapChannels) } : o;
        o = Given(parse, KeyQuantity) ? o with { KeyQuantity = parse.GetValue(KeyQuantity) } : o;
        o = Given(parse, LoadMeaning) ? o with { LoadMeaning = parse.GetValue(LoadMeaning) } : o;
        o = Given(parse, SupplementTiming) ? o with { SupplementTiming = parse.GetValue(SupplementTiming) } : o;
        o = Given(parse, Seed) ? o with { Seed = parse.GetValue(Seed) } : o;
        if (parse.GetValue(VGenPerGateway) is { } list)
        {
            o = o with { VGenPerGateway = SweepParameters.ParseValues(list, "--vgen-per-gateway") };
        }

        o.Validate();
        if (parse.GetValue(VGenFromChannel))
        {
            if (o.VGenPerGateway is not null)
            {
                throw new SimulationOptionsException("--vgen-from-channel", "cannot be combined with --vgen-per-gateway.");
            }

            o = o with { VGenPerGateway = ChannelKeyRates.PerGateway(o.Gateways, parse.GetValue(ChannelMinKm), parse.GetValue(ChannelMaxKm)) };
        }

        return o;
    }

    /// <summary>Returns the schemes to run; throws naming --scheme on an unknown name.</summary>
    public IReadOnlyList<SchemeKind> ToSchemes(ParseResult parse, SimulationPreset? preset)
    {
        if (!Given(parse, Schemes) && preset?.Sweep is { } sweep)
        {
            return sweep.Schemes;
        }

        string text = parse.GetValue(Schemes) ?? "DDKA";
        if (string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return SchemeDefinition.All.Select(s => s.Kind).ToArray();
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => SchemeDefinition.TryParse(name)?.Kind
                ?? throw new SimulationOptionsException("--scheme", $"unknown scheme '{name.Trim()}' (known: {string.Join(", ", SchemeDefinition.All.Select(s => s.Name))}, all)."))
            .Distinct()
            .ToArray();
    }

    /// <summary>Returns the sweep, or null for single runs; throws naming the option on bad text.</summary>
    public SweepSpec? ToSweep(ParseResult parse, SimulationPreset? preset, IReadOnlyList<SchemeKind> schemes)
    {
        int seeds = Given(parse, Seeds) || preset?.Sweep is null ? parse.GetValue(Seeds) : preset.Sweep.Seeds;
        if (seeds < 1)
        {
            throw new SimulationOptionsException("--seeds", $"must be at least 1 (got {seeds}).");
        }

        var x = ParseAxis(parse.GetValue(Sweep), "--sweep");
        var series = ParseAxis(parse.GetValue(Series), "--series");
        if (x is null)
        {
            if (series is not null)
            {
                throw new SimulationOptionsException("--series", "needs --sweep for the x axis.");
            }

            return preset?.Sweep is { } p ? p with { Schemes = schemes, Seeds = seeds } : null;
        }

        return new SweepSpec(x.Value.Parameter, x.Value.Values, series?.Parameter, series?.Values ?? [], schemes, seeds);
    }

    /// <summary>Returns the seeds for single runs.</summary>
    public int SeedCount(ParseResult parse) => parse.GetValue(Seeds);

    private static (SweepParameter Parameter, double[] Values)? ParseAxis(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new SimulationOptionsException(option, $"expected NAME=VALUES, e.g. load=0.5:3:0.5 (got '{text}').");
        }

        string name = text[..equals];
        var parameter = SweepParameters.TryParse(name)
            ?? throw new SimulationOptionsException(option, $"unknown parameter '{name}' (known: {string.Join(", ", SweepParameters.Names)}).");
        return (parameter, SweepParameters.ParseValues(text[(equals + 1)..], option));
    }

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    internal static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
