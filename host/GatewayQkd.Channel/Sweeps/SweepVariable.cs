using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Sweeps;

/// <summary>
/// A parameter a sweep varies, declared once: its word (as `channel --sweep` takes it), its output field and axis label,
/// its default range, and how a value sets it on link or network options.
/// </summary>
public sealed class SweepVariable
{
    private readonly Func<LinkKind, SweepRange> _defaultRange;
    private readonly Func<LinkOptions, double, LinkOptions>? _link;
    private readonly bool _uplinkToo;

    private SweepVariable(string name, string fieldName, string label, Func<LinkKind, SweepRange> defaultRange, Func<LinkOptions, double, LinkOptions>? link, bool uplinkToo)
    {
        Name = name;
        FieldName = fieldName;
        Label = label;
        _defaultRange = defaultRange;
        _link = link;
        _uplinkToo = uplinkToo;
    }

    /// <summary>Gets the link distance in km (horizontal path length, or ground distance from the HAP nadir; downlinks only in a network).</summary>
    public static SweepVariable Distance { get; } = new(
        "distance", "distance_km", "distance (km)", kind => kind == LinkKind.Horizontal ? new SweepRange(0.2, 5, 21) : new SweepRange(0, 100, 21), (o, v) => o with { DistanceKm = v, ElevationDeg = null }, uplinkToo: false);

    /// <summary>Gets the ground visibility in km.</summary>
    public static SweepVariable Visibility { get; } = new("visibility", "visibility_km", "visibility (km)", _ => new SweepRange(1, 50, 21), (o, v) => o with { VisibilityKm = v }, uplinkToo: true);

    /// <summary>Gets the rain rate in mm/h.</summary>
    public static SweepVariable Rain { get; } = new("rain", "rain_mm_h", "rain rate (mm/h)", _ => new SweepRange(0, 50, 21), (o, v) => o with { RainRateMmPerHour = v }, uplinkToo: true);

    /// <summary>Gets the turbulence strength in m^-2/3: horizontal Cn2, or the Hufnagel-Valley ground term A of slant links (log-spaced weak..strong).</summary>
    public static SweepVariable Turbulence { get; } = new(
        "turbulence", "turbulence_cn2", "Cn2 (m^-2/3)", _ => new SweepRange(1e-16, 1e-12, 21, Logarithmic: true), (o, v) => o.Kind == LinkKind.Horizontal ? o with { HorizontalCn2 = v } : o with { GroundCn2 = v }, uplinkToo: true);

    /// <summary>Gets the angular pointing jitter in microradians.</summary>
    public static SweepVariable Jitter { get; } = new("jitter", "jitter_urad", "pointing jitter (urad)", _ => new SweepRange(0, 20, 21), (o, v) => o with { JitterUrad = v }, uplinkToo: true);

    /// <summary>Gets the finite-key block size N in pulses (Lim et al. 2014), log-spaced.</summary>
    public static SweepVariable BlockPulses { get; } = new(
        "block-pulses", "block_pulses", "block size N (pulses)", _ => new SweepRange(1e6, 1e12, 21, Logarithmic: true),
        (o, v) => o with { Qkd = o.Qkd with { FiniteKey = (o.Qkd.FiniteKey ?? new FiniteKeyParameters()) with { BlockPulses = v } } }, uplinkToo: true);

    /// <summary>Gets the number of ground nodes sharing the HAP (a network parameter; values are rounded to whole nodes).</summary>
    public static SweepVariable Nodes { get; } = new("nodes", "nodes", "number of ground nodes", _ => new SweepRange(1, 32, 32), link: null, uplinkToo: false);

    /// <summary>Gets every variable, in the order help texts list them.</summary>
    public static IReadOnlyList<SweepVariable> All { get; } = [Distance, Visibility, Rain, Turbulence, Jitter, BlockPulses, Nodes];

    /// <summary>Gets the word that names the variable ("block-pulses").</summary>
    public string Name { get; }

    /// <summary>Gets the output field of the swept value ("distance_km").</summary>
    public string FieldName { get; }

    /// <summary>Gets the axis label ("distance (km)").</summary>
    public string Label { get; }

    /// <summary>Gets a value indicating whether the variable is a network parameter (it has no meaning on one link).</summary>
    public bool IsNetworkOnly => _link is null;

    /// <summary>The variable named <paramref name="name"/>, or null.</summary>
    public static SweepVariable? Find(string? name) => All.FirstOrDefault(v => v.Name == name);

    /// <summary>The range swept when the user gives none, for a link of this kind.</summary>
    public SweepRange DefaultRange(LinkKind kind) => _defaultRange(kind);

    /// <summary>The link options with the variable set to a value (nodes are not a link parameter).</summary>
    public LinkOptions Apply(LinkOptions options, double value)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _link is null
            ? throw new InvalidOperationException($"{Name} is a network parameter; apply it to network options.")
            : _link(options, value);
    }

    /// <summary>The network options with the variable set on the downlinks (and the uplink, for weather and link physics) or as the node count.</summary>
    public NetworkOptions Apply(NetworkOptions options, double value)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_link is null)
        {
            return options with { NodeCount = CheckedNodeCount(value) };
        }

        var network = options with { Downlink = _link(options.Downlink, value) };
        return _uplinkToo ? network with { Uplink = _link(options.Uplink, value) } : network;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static int CheckedNodeCount(double value)
    {
        var rounded = Math.Round(value);
        if (Math.Abs(rounded - value) > 1e-9 || rounded < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The number of ground nodes must be a whole number >= 1.");
        }

        return (int)rounded;
    }
}
