using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Sweeps;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>Checks a <see cref="ChannelCommandOptions"/>; throws an <see cref="ArgumentException"/> naming the command-line option.</summary>
public static class ChannelCommandOptionsValidator
{
    /// <summary>The largest number of sweep points accepted.</summary>
    public const int MaxPoints = 100_000;

    /// <summary>Throws if the run options are inconsistent; link physics is checked by the model itself.</summary>
    public static void ThrowIfInvalid(ChannelCommandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Preset is not null && options.Sweep is not null)
        {
            throw new ArgumentException("--preset and --sweep cannot be combined (a preset defines its own sweep).", "--preset");
        }

        if (options.PlotPath is not null && options.Sweep is null && options.Preset is null)
        {
            throw new ArgumentException("needs --sweep or --preset: a single-link report has no curve to draw.", "--plot");
        }

        if (options.Preset is not null && !ChannelPresets.Names.Contains(options.Preset))
        {
            throw new ArgumentException($"unknown preset '{options.Preset}' (known: {string.Join(", ", ChannelPresets.Names)}).", "--preset");
        }

        if (options.MonteCarloSamples is < 0 or 1)
        {
            throw new ArgumentOutOfRangeException("--monte-carlo", options.MonteCarloSamples, "must be 0 (numerical averages) or at least 2 samples.");
        }

        if (options.Range is { } range)
        {
            ThrowIfBadRange(range, options.Sweep);
        }

        if (options.NetworkMode)
        {
            options.Network.ThrowIfInvalid();
        }
        else
        {
            LinkOptionsValidator.ThrowIfInvalid(options.Link);
        }
    }

    private static void ThrowIfBadRange(SweepRange range, SweepVariable? variable)
    {
        if (range.Points is < 1 or > MaxPoints)
        {
            throw new ArgumentOutOfRangeException("--points", range.Points, $"must be in [1, {MaxPoints}] (got {range.Points}).");
        }

        if (range.Logarithmic && (range.From <= 0 || range.To <= 0))
        {
            throw new ArgumentOutOfRangeException("--from", range.From, "with --log, --from and --to must be greater than 0.");
        }

        if (range.From < 0 || range.To < 0 || !double.IsFinite(range.From) || !double.IsFinite(range.To))
        {
            throw new ArgumentOutOfRangeException("--from", range.From, "--from and --to must be finite and not negative.");
        }

        if (variable == SweepVariable.Nodes && range.From < 1)
        {
            throw new ArgumentOutOfRangeException("--from", range.From, "a node sweep needs --from >= 1 (values are rounded to whole nodes).");
        }
    }
}
