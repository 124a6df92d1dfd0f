using System.Globalization;

namespace GatewayQkd.Simulation.Sweeps;

/// <summary>Names, labels and application of <see cref="SweepParameter"/> values to options.</summary>
public static class SweepParameters
{
    private static readonly (SweepParameter Parameter, string Name, string Label)[] Table =
    [
        (SweepParameter.Load, "load", "Load L_req (requests per slot)"),
        (SweepParameter.ThresholdLow, "threshold-low", "K_threshold_low (bits)"),
        (SweepParameter.ThresholdHigh, "threshold-high", "K_threshold_high (bits)"),
        (SweepParameter.Initial, "initial", "Initial K_sur (bits)"),
        (SweepParameter.W, "w", "Trade-off w"),
        (SweepParameter.Gateways, "gateways", "Gateways"),
        (SweepParameter.VGen, "vgen", "V_gen (bit/s)"),
        (SweepParameter.HapChannels, "hap-channels", "HAP channels"),
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
    public static SimulationOptions Apply(SimulationOptions options, SweepParameter parameter, double value) => parameter switch
    {
        SweepParameter.Load => options with { Load = value },
        SweepParameter.ThresholdLow => options with { LowThresholdBits = (long)Math.Round(value) },
        SweepParameter.ThresholdHigh => options with { HighThresholdBits = (long)Math.Round(value) },
        SweepParameter.Initial => options with { InitialBits = (long)Math.Round(value) },
        SweepParameter.W => options with { W = value },
        SweepParameter.Gateways => options with { Gateways = (int)Math.Round(value) },
        SweepParameter.VGen => options with { VGenBitsPerSecond = value, VGenPerGateway = null },
        SweepParameter.HapChannels => options with { HapChannels = (int)Math.Round(value) },
        _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
    };

    /// <summary>
    /// Parses "a,b,c" or "start:stop:step" (inclusive) into values; throws <see cref="SimulationOptionsException"/>
    /// naming <paramref name="option"/> on bad text.
    /// </summary>
    public static double[] ParseValues(string text, string option)
    {
        string[] range = text.Split(':');
        if (range.Length == 3)
        {
            double start = ParseNumber(range[0], option);
            double stop = ParseNumber(range[1], option);
            double step = ParseNumber(range[2], option);
            if (step <= 0 || stop < start || (stop - start) / step > 10_000)
            {
                throw new SimulationOptionsException(option, $"range '{text}' needs start <= stop and a positive step giving at most 10000 values.");
            }

            int count = (int)Math.Floor(((stop - start) / step) + 1e-9) + 1;
            return Enumerable.Range(0, count).Select(i => Math.Round(start + (i * step), 10)).ToArray();
        }

        double[] values = text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => ParseNumber(v, option)).ToArray();
        if (values.Length == 0)
        {
            throw new SimulationOptionsException(option, "needs at least one value (a,b,c or start:stop:step).");
        }

        return values;
    }

    private static double ParseNumber(string text, string option) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new SimulationOptionsException(option, $"'{text}' is not a number.");
}
