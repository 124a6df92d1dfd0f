namespace GatewayQkd.Channel.TimeSeries;

/// <summary>Key accumulation over an interval, for timing key-block delivery from an <see cref="IKeyRateSource"/>.</summary>
public static class KeyRateSourceExtensions
{
    /// <summary>
    /// Secret key bits a link produces between two times: the integral of the piecewise-constant R(t), summed step by step
    /// (partial steps at both ends count in proportion).
    /// </summary>
    public static double KeyBitsBetween(this IKeyRateSource source, int link, double fromSeconds, double toSeconds)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (toSeconds < fromSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(toSeconds), toSeconds, $"toSeconds must not be before fromSeconds ({fromSeconds}).");
        }

        // Walk whole step indices (not accumulated times, which can stall on rounding) and sample each piece at its midpoint.
        var step = source.StepSeconds;
        var bits = 0.0;
        for (var k = (long)Math.Floor(fromSeconds / step); k * step < toSeconds; k++)
        {
            var start = Math.Max(fromSeconds, k * step);
            var end = Math.Min(toSeconds, (k + 1) * step);
            if (end > start)
            {
                bits += source.Sample(link, (start + end) / 2).KeyRateBitsPerSecond * (end - start);
            }
        }

        return bits;
    }
}
