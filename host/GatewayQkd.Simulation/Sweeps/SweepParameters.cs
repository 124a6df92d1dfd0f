using System.Globalization;

namespace GatewayQkd.Simulation.Sweeps;

/// <summary>Names, labels and application of <see cref="SweepParameter"/> values to options.</summary>
public static class SweepParameters
{
    // One row per parameter: its value, CLI word, axis label and how a value sets it (integers are rounded).
    private static readonly (SweepParameter Parameter, string Name, string Label, Func<SimulationOptions, double, SimulationOptions> Apply)[] Table =
    [
        (SweepParameter.Load, "load", "Load L_req (requests per slot)", (o, v) => o with { Load = v }),
        (SweepParameter.ThresholdLow, "threshold-low", "K_threshold_low (bits)", (o, v) => o with { LowThresholdBits = (long)Math.Round(v) }),
        (SweepParameter.ThresholdHigh, "threshold-high", "K_threshold_high (bits)", (o, v) => o with { HighThresholdBits = (long)Math.Round(v) }),
        (SweepParameter.Initial, "initial", "Initial K_sur (bits)", (o, v) => o with { InitialBits = (long)Math.Round(v) }),
        (SweepParameter.TradeOff, "w", "Trade-off w", (o, v) => o with { TradeOff = v }),
        (SweepParameter.Gateways, "gateways", "Gateways", (o, v) => o with { Gateways = (int)Math.Round(v) }),
        (SweepParameter.VGen, "vgen", "V_gen (bit/s)", (o, v) => o with { VGenBitsPerSecond = v, VGenPerGateway = null }),
        (SweepParameter.HapChannels, "hap-channels", "HAP channels", (o, v) => o with { HapChannels = (int)Math.Round(v) }),
    ];

    /// <summary>Gets the CLI names of all parameters.</summary>
    public static IEnumerable<string> Names => Table.Select(t => t.Name);

    /// <summary>Returns the CLI name of a parameter.</summary>
    public static string NameOf(SweepParameter parameter) => Table.Single(t => t.Parameter == parameter).Name;

    /// <summary>Returns the axis label of a parameter.</summary>
    public static string LabelOf(SweepParameter parameter) => Table.Single(t => t.Parameter == parameter).Label;

    /// <summary>Parses a CLI name, or returns null.</summary>
    public static SweepParameter? TryParse(string name)
    {
        foreach (var t in Table)
        {
            if (string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return t.Parameter;
            }
        }

        return null;
    }

    /// <summary>Returns the options with the parameter set to the value (integers are rounded).</summary>
    public static SimulationOptions Apply(SimulationOptions options, SweepParameter parameter, double value) =>
        Table.Single(t => t.Parameter == parameter).Apply(options, value);

    /// <summary>
    /// Parses "a,b,c" or "start:stop:step" (inclusive) into values; throws <see cref="SimulationOptionsException"/>
    /// naming <paramref name="parameter"/> on bad text.
    /// </summary>
    public static double[] ParseValues(string text, string parameter)
    {
        string[] range = text.Split(':');
        if (range.Length == 3)
        {
            double start = ParseNumber(range[0], parameter);
            double stop = ParseNumber(range[1], parameter);
            double step = ParseNumber(range[2], parameter);
            if (step <= 0 || stop < start || (stop - start) / step > 10_000)
            {
                throw new SimulationOptionsException(parameter, $"range '{text}' needs start <= stop and a positive step giving at most 10000 values.");
            }

            int count = (int)Math.Floor(((stop - start) / step) + 1e-9) + 1;
            return Enumerable.Range(0, count).Select(i => Math.Round(start + (i * step), 10)).ToArray();
        }

        double[] values = text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => ParseNumber(v, parameter)).ToArray();
        if (values.Length == 0)
        {
            throw new SimulationOptionsException(parameter, "needs at least one value (a,b,c or start:stop:step).");
        }

        return values;
    }

    private static double ParseNumber(string text, string parameter) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new SimulationOptionsException(parameter, $"'{text}' is not a number.");
}
