using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.TimeSeries;

/// <summary>
/// The time series of one link: h(t) = h_l C(t) / N with C(t) = F^-1(Phi(u(t))), F the link's bounded fading law, so h(t)
/// has exactly the marginal the fading averages integrate. u = w_T u_T + w_P u_P mixes two stationary Gauss-Markov
/// processes, turbulence (coherence time tau_c) and pointing vibration (its own correlation time), weighted by their shares
/// of the log-variance (w_T^2 = ln(1 + v_T) / (ln(1 + v_T) + ln(1 + v_P))) [modelling choice]. Values are constant within a
/// step; asking for an earlier time replays from the seed.
/// </summary>
public sealed class LinkProcess
{
    private readonly LinkBudget _budget;
    private readonly DecoyBb84 _protocol;
    private readonly double _rateScale;
    private readonly double _stepSeconds;
    private readonly int _seed;
    private readonly CollectedQuantileTable _quantiles;
    private readonly double _turbulenceWeight;
    private readonly double _pointingWeight;
    private readonly GaussMarkov _turbulence;
    private readonly GaussMarkov _pointing;
    private readonly object _gate = new();
    private Random _random = new(0);
    private long _step = -1;
    private LinkSample _current;

    /// <summary>Creates the process of a link; rateShare scales R (time share of a shared terminal).</summary>
    public LinkProcess(LinkBudget budget, TimeSeriesOptions options, double rateShare, int seed)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _budget = budget;
        _protocol = new DecoyBb84(budget.Options.Qkd);
        _rateScale = rateShare * budget.Options.Qkd.RepetitionRateHz;
        _stepSeconds = options.StepMs / 1000;
        _seed = seed;
        _quantiles = new CollectedQuantileTable(budget.Fading);
        var turbulence = Math.Log(1 + budget.Fading.TurbulenceRelativeVariance);
        var pointing = Math.Max(Math.Log(1 + budget.Fading.CollectedScintillationIndex) - turbulence, 0);
        var total = turbulence + pointing;
        _turbulenceWeight = total > 0 ? Math.Sqrt(turbulence / total) : 1.0;
        _pointingWeight = total > 0 ? Math.Sqrt(pointing / total) : 0.0;
        _turbulence = new GaussMarkov(options.StepMs, options.CoherenceTimeMs);
        _pointing = new GaussMarkov(options.StepMs, options.VibrationCorrelationTimeMs);
    }

    /// <summary>Gets the step in seconds.</summary>
    public double StepSeconds => _stepSeconds;

    /// <summary>The link state at a time in seconds.</summary>
    public LinkSample At(double timeSeconds)
    {
        Require.NonNegative(timeSeconds, nameof(timeSeconds));
        var target = (long)Math.Floor(timeSeconds / _stepSeconds);
        lock (_gate)
        {
            if (target < _step || _step < 0)
            {
                Restart();
            }

            while (_step < target)
            {
                Advance();
            }

            return _current with { TimeSeconds = timeSeconds };
        }
    }

    private void Restart()
    {
        _random = new Random(_seed);
        _turbulence.Start(_random);
        _pointing.Start(_random);
        _step = 0;
        _current = Evaluate();
    }

    private void Advance()
    {
        _turbulence.Advance(_random);
        _pointing.Advance(_random);
        _step++;
        _current = Evaluate();
    }

    private LinkSample Evaluate()
    {
        var u = (_turbulenceWeight * _turbulence.Value) + (_pointingWeight * _pointing.Value);
        var h = _budget.FixedChannelTransmittance * _quantiles.Value(u);
        var point = _protocol.Evaluate(h * _budget.ReceiverEfficiency);
        return new LinkSample(_step * _stepSeconds, h, point.KeyRatePerPulse * _rateScale, point.Qber, point.SinglePhotonQber);
    }
}
