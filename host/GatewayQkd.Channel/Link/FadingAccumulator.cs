using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Link;

/// <summary>
/// Weighted sums of the per-transmittance quantities that make up a <see cref="FadingAverage"/>. Numerical averages add
/// quadrature nodes with their probability weights; Monte-Carlo averages add samples with equal weights, and the sums of
/// squares give the standard errors (SE = sqrt(Var / n)). The counted statistics are summed too, so the block rate
/// R(&lt;statistics&gt;) comes from the same distribution.
/// </summary>
public sealed class FadingAccumulator
{
    private double _weight;
    private double _h;
    private double _h2;
    private double _gain;
    private double _gain2;
    private double _errorGain;
    private double _plainQber;
    private double _y1;
    private double _e1y1;
    private double _plainE1;
    private double _rate;
    private double _rate2;
    private double _outage;
    private double _plob;
    private DecoyStatistics _statistics;
    private long _count;

    /// <summary>Adds the quantities at channel transmittance h with a weight (probability or 1 per sample).</summary>
    public void Add(double weight, double channelTransmittance, in DecoyStatistics statistics, in KeyRatePoint point)
    {
        _weight += weight;
        _count++;
        _h += weight * channelTransmittance;
        _h2 += weight * channelTransmittance * channelTransmittance;
        _gain += weight * point.Gain;
        _gain2 += weight * point.Gain * point.Gain;
        _errorGain += weight * point.Qber * point.Gain;
        _plainQber += weight * point.Qber;
        _y1 += weight * point.SinglePhotonYield;
        _e1y1 += weight * point.SinglePhotonQber * point.SinglePhotonYield;
        _plainE1 += weight * point.SinglePhotonQber;
        _rate += weight * point.KeyRatePerPulse;
        _rate2 += weight * point.KeyRatePerPulse * point.KeyRatePerPulse;
        _outage += point.KeyRatePerPulse <= 0 ? weight : 0;
        _plob += weight * PlobBound.BitsPerUse(channelTransmittance);
        _statistics = DecoyStatistics.Combine(1, _statistics, weight, statistics);
    }

    /// <summary>The averages; with standard errors when the samples were independent draws.</summary>
    public FadingAverage Result(bool independentSamples, DecoyBb84 protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (_weight <= 0)
        {
            throw new InvalidOperationException("No samples were added.");
        }

        double Mean(double sum) => sum / _weight;
        double Se(double sum, double sumSquares)
        {
            if (!independentSamples || _count < 2)
            {
                return 0.0;
            }

            var mean = Mean(sum);
            var variance = Math.Max(Mean(sumSquares) - (mean * mean), 0) * _count / (_count - 1);
            return Math.Sqrt(variance / _count);
        }

        var outage = Mean(_outage);
        var statistics = DecoyStatistics.Combine(1 / _weight, _statistics, 0, default);
        return new FadingAverage(
            Mean(_h),
            Mean(_gain),
            _gain > 0 ? _errorGain / _gain : 0.5,
            Mean(_plainQber),
            Mean(_y1),
            _y1 > 0 ? _e1y1 / _y1 : 0.5,
            Mean(_plainE1),
            Mean(_rate),
            outage,
            Mean(_plob),
            Se(_gain, _gain2),
            Se(_rate, _rate2),
            independentSamples ? Math.Sqrt(outage * (1 - outage) / _count) : 0.0,
            Se(_h, _h2))
        {
            Statistics = statistics,
            Block = protocol.KeyRate(statistics),
        };
    }
}
