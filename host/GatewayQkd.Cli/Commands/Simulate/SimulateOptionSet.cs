using System.CommandLine;
using System.Globalization;
using GatewayQkd.Cli.Commands.Options;
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
    /// <summary>Gets the options that set one <see cref="SimulationOptions"/> property each (default: the model's).</summary>
    public IReadOnlyList<ModelOption<SimulationOptions>> Model { get; } =
    [
        ModelOption<SimulationOptions>.Value("--requests", nameof(SimulationOptions.Requests), "Key requests per run.", o => o.Requests, (o, v) => o with { Requests = v }).Aliased("-n"),
        ModelOption<SimulationOptions>.Value("--load", nameof(SimulationOptions.Load), "L_req = lambda t_slot (eq. 4); 0.2 is the paper's 5 s mean interval at t_slot 1 s.", o => o.Load, (o, v) => o with { Load = v }).Aliased("-l"),
        ModelOption<SimulationOptions>.Value("--slot", nameof(SimulationOptions.SlotSeconds), "t_slot in seconds.", o => o.SlotSeconds, (o, v) => o with { SlotSeconds = v }),
        ModelOption<SimulationOptions>.Value("--gateways", nameof(SimulationOptions.Gateways), "Number of gateways (paper: 4).", o => o.Gateways, (o, v) => o with { Gateways = v }).Aliased("-g"),
        ModelOption<SimulationOptions>.Value("--capacity", nameof(SimulationOptions.CapacityBits), "QKP capacity in bits (paper: 5120).", o => o.CapacityBits, (o, v) => o with { CapacityBits = v }),
        ModelOption<SimulationOptions>.Value("--initial", nameof(SimulationOptions.InitialBits), "Initial K_sur in bits (paper: 1280 or 2560).", o => o.InitialBits, (o, v) => o with { InitialBits = v }),
        ModelOption<SimulationOptions>.Value("--threshold-low", nameof(SimulationOptions.LowThresholdBits), "K_threshold_low in bits.", o => o.LowThresholdBits, (o, v) => o with { LowThresholdBits = v }),
        ModelOption<SimulationOptions>.Value("--threshold-high", nameof(SimulationOptions.HighThresholdBits), "K_threshold_high in bits.", o => o.HighThresholdBits, (o, v) => o with { HighThresholdBits = v }),
        ModelOption<SimulationOptions>.Value("--w", nameof(SimulationOptions.TradeOff), "Trade-off w of est (eq. 5), 0..1 (paper: 0.5).", o => o.TradeOff, (o, v) => o with { TradeOff = v }),
        ModelOption<SimulationOptions>.Value("--vgen", nameof(SimulationOptions.VGenBitsPerSecond), "V_gen in bit/s of every gateway's supplement link (paper: 2560).", o => o.VGenBitsPerSecond, (o, v) => o with { VGenBitsPerSecond = v }),
        ModelOption<SimulationOptions>.Value("--link-rate", nameof(SimulationOptions.LinkBitsPerSecond), "Gateway-to-sensor link rate in bit/s, t_tra = 1/rate (paper: 1280).", o => o.LinkBitsPerSecond, (o, v) => o with { LinkBitsPerSecond = v }),
        ModelOption<SimulationOptions>.Value("--hap-channels", nameof(SimulationOptions.HapChannels), "Supplement requests the HAP serves at once (paper: 1).", o => o.HapChannels, (o, v) => o with { HapChannels = v }),
        ModelOption<SimulationOptions>.Value("--kqua", nameof(SimulationOptions.KeyQuantity), "K_qua: Level (key length of K_sec, default) or Independent.", o => o.KeyQuantity, (o, v) => o with { KeyQuantity = v }),
        ModelOption<SimulationOptions>.Value("--load-meaning", nameof(SimulationOptions.LoadMeaning), "What L_req changes: Rate (arrival rate only, eq. 4; default) or RateAndKeyQuantity (also K_qua x L_req, s4.2.1).", o => o.LoadMeaning, (o, v) => o with { LoadMeaning = v }),
        ModelOption<SimulationOptions>.Value("--supplement-timing", nameof(SimulationOptions.SupplementTiming), "DDKA/S2 threshold replenishment: IdleGaps (between requests, Table 4 line 16; default) or Continuous (whenever below K_threshold_low).", o => o.SupplementTiming, (o, v) => o with { SupplementTiming = v }),
        ModelOption<SimulationOptions>.Value("--seed", nameof(SimulationOptions.Seed), "Random seed; seeds seed..seed+n-1 are used for n seeds.", o => o.Seed, (o, v) => o with { Seed = v }),
    ];

    /// <summary>Gets the map from simulator parameter to the option that sets it (for the simulator's errors).</summary>
    public OptionMap Map { get; } = new();

    public Option<string?> Preset { get; } = CliOption.Described<string?>("--preset", "Reproduce a figure or the scale run: " + string.Join(", ", SimulationPreset.All.Select(p => p.Name)) + ".");

    public Option<string> Schemes { get; } = CliOption.Aliased(CliOption.Described<string>("--scheme", "Schemes, comma-separated, or 'all': " + string.Join(", ", SchemeDefinition.All.Select(s => s.Name)) + ".", "DDKA"), "-s");

    public Option<string?> VGenPerGateway { get; } = CliOption.Described<string?>("--vgen-per-gateway", "Per-gateway V_gen in bit/s, comma-separated, cycled over the gateways (e.g. secret key rates from `gatewayqkd channel`).");

    public Option<bool> VGenFromChannel { get; } = CliOption.Described<bool>("--vgen-from-channel", "Take V_gen per gateway from the channel model: gateways spread from --channel-min-km to --channel-max-km, V_gen = min(downlink, uplink) key rate (block distillation).");

    public Option<double> ChannelMinKm { get; } = CliOption.Described<double>("--channel-min-km", "Nearest gateway's ground distance from the HAP nadir in km (with --vgen-from-channel).", 5);

    public Option<double> ChannelMaxKm { get; } = CliOption.Described<double>("--channel-max-km", "Farthest gateway's ground distance in km (with --vgen-from-channel).", 50);

    public Option<int> Seeds { get; } = CliOption.Described<int>("--seeds", "Runs per point (95 % Student-t intervals over seeds).", 1);

    public Option<string?> Sweep { get; } = CliOption.Described<string?>("--sweep", "x axis: NAME=a,b,c or NAME=start:stop:step; NAME one of " + string.Join(", ", SweepParameters.Names) + ".");

    public Option<string?> Series { get; } = CliOption.Described<string?>("--series", "One line per value: NAME=a,b,c (same names as --sweep).");

    public Option<string?> Out { get; } = CliOption.Aliased(CliOption.Described<string?>("--out", "Folder for CSV and PNG files."), "-o");

    public Option<bool> Json { get; } = CliOption.Described<bool>("--json", "Write JSON to standard output instead of the table.");

    public Option<FileInfo?> Scenario { get; } = CliOption.Described<FileInfo?>("--scenario", "Simulate an emulation scenario file with a geography (sites, weather): one DDKA run per phase before/during/after its weather events, V_gen per gateway from the channel model; prints delay and SR by K_sec (docs/simulation.md s6).");

    public Option<bool> Progress { get; } = CliOption.Described<bool>("--progress", "Show a progress bar (on by default for the scale preset).");

    /// <summary>Gets every option, in help order.</summary>
    public IEnumerable<Option> All =>
    [
        Preset, Schemes, .. Model.Select(m => m.Option), VGenPerGateway, VGenFromChannel, ChannelMinKm, ChannelMaxKm, Seeds, Sweep, Series, Scenario, Out, Json, Progress,
    ];

    /// <summary>Records which option sets each simulator parameter that is not a plain <see cref="Model"/> option.</summary>
    public SimulateOptionSet()
    {
        foreach (var option in Model)
        {
            Map.Sets(option.Option, option.Parameter!);
        }

        Map.Sets(VGenPerGateway, nameof(SimulationOptions.VGenPerGateway));
        Map.Sets(Seeds, nameof(SweepSpec.Seeds));
        Map.Sets(ChannelMinKm, "minDistanceKm");
        Map.Sets(ChannelMaxKm, "maxDistanceKm");
    }

    /// <summary>Builds the run's options: the preset's (or defaults), overridden by options given explicitly.</summary>
    public SimulationOptions ToOptions(ParseResult parse, SimulationPreset? preset)
    {
        var o = ModelOption<SimulationOptions>.ApplyAll(Model, parse, preset?.Options ?? new SimulationOptions());
        if (parse.GetValue(VGenPerGateway) is { } list)
        {
            o = o with { VGenPerGateway = SweepParameters.ParseValues(list, VGenPerGateway.Name) };
        }

        o.Validate();
        if (parse.GetValue(VGenFromChannel))
        {
            if (o.VGenPerGateway is not null)
            {
                throw new SimulationOptionsException("--vgen-from-channel", "cannot be combined with --vgen-per-gateway.");
            }

            double min = parse.GetValue(ChannelMinKm), max = parse.GetValue(ChannelMaxKm);
            if (!(min >= 0) || !(max >= min))
            {
                throw new SimulationOptionsException(ChannelMaxKm.Name, FormattableString.Invariant($"needs 0 <= {ChannelMinKm.Name} ({min}) <= {ChannelMaxKm.Name} ({max})."));
            }

            o = o with { VGenPerGateway = ChannelKeyRates.PerGateway(o.Gateways, min, max) };
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

    private static bool Given(ParseResult parse, Option option) => CliOption.IsGiven(parse, option);

    internal static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
