using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Sweeps;

/// <summary>Sets the swept parameter on link or network options.</summary>
public static class SweepApplier
{
    /// <summary>The link options with the variable set to a value (nodes are not a link parameter).</summary>
    public static LinkOptions Apply(LinkOptions options, SweepVariable variable, double value)
    {
        ArgumentNullException.ThrowIfNull(options);
        return variable switch
        {
            SweepVariable.Distance => options with { DistanceKm = value, ElevationDeg = null },
            SweepVariable.Visibility => options with { VisibilityKm = value },
            SweepVariable.Rain => options with { RainRateMmPerHour = value },
            SweepVariable.Turbulence => options.Kind == LinkKind.Horizontal ? options with { HorizontalCn2 = value } : options with { GroundCn2 = value },
            SweepVariable.Jitter => options with { JitterUrad = value },
            SweepVariable.BlockPulses => options with { Qkd = options.Qkd with { FiniteKey = (options.Qkd.FiniteKey ?? new FiniteKeyParameters()) with { BlockPulses = value } } },
            _ => throw new ArgumentOutOfRangeException(nameof(variable), variable, "Nodes is a network parameter; use the network overload."),
        };
    }

    /// <summary>The network options with the variable set on the downlinks (and uplink, for weather) or as the node count.</summary>
    public static NetworkOptions Apply(NetworkOptions options, SweepVariable variable, double value)
    {
        ArgumentNullException.ThrowIfNull(options);
        return variable switch
        {
            SweepVariable.Nodes => options with { NodeCount = CheckedNodeCount(value) },
            SweepVariable.Distance => options with { Downlink = Apply(options.Downlink, variable, value) },
            _ => options with { Downlink = Apply(options.Downlink, variable, value), Uplink = Apply(options.Uplink, variable, value) },
        };
    }

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
