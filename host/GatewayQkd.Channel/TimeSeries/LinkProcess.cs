using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Qkd;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.TimeSeries;

/// <summary>
/// The time series of one link: h(t) = h_l A0 h_a(t) h_p(t)/A0 with h_a from two (Gamma-Gamma) or one (log-normal)
/// Gauss-Markov processes of correlation time tau_c mapped to the exact marginals, and h_p from a two-axis Gaussian
/// displacement of correlation time tau_vib: h_p/A0 = exp(-(u_x^2 + u_y^2) / (2 g^2)), which is U^(1/g^2) as in Farid and
/// Hranilovic. Values are constant within a step; asking for an earlier time replays from the seed.
/// </summary>
public sealed class LinkProcess
{
    private readonly LinkBudget _budget;
    private readonly DecoyBb84 _protocol;
    private readonly double _rateScale;
    private readonly double _stepSeconds;
    private readonly int _seed;
    private readonly GammaQuantileTable? _alphaTable;
    private readonly GammaQuantileTable? _betaTable;
    private readonly GaussMarkov _turbulenceA;
    private readonly GaussMarkov _turbulenceB;
    private readonly GaussMarkov _jitterX;
    private readonly GaussMarkov _jitterY;
    private readonly object _gate = new();
    private Random _random = new(0);
    private long _step = -1;
    private LinkSample _current;

    /// <summary>Creates the process of a link; rateShare scales R (time share of a shared terminal).</summary>
    public LinkProcess(LinkBudget budget, TimeSeriesOptions options, double rateShare, int seed)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _budget = budget;
        _protocol = new DecoyBb84(budget.Options.Qkd);
        _rateScale = rateShare * budget.Options.Qkd.RepetitionRateHz;
        _stepSeconds = options.StepMs / 1000;
        _seed = seed;
        if (budget.Fading.HasTurbulence && budget.Fading.Model == FadingModel.GammaGamma)
        {
            _alphaTable = new GammaQuantileTable(budget.Fading.Alpha);
            _betaTable = new GammaQuantileTable(budget.Fading.Beta);
        }

        _turbulenceA = new GaussMarkov(options.StepMs, options.CoherenceTimeMs);
        _turbulenceB = new GaussMarkov(options.StepMs, options.CoherenceTimeMs);
        _jitterX = new GaussMarkov(options.StepMs, options.VibrationCorrelationTimeMs);
        _jitterY = new GaussMarkov(options.StepMs, options.VibrationCorrelationTimeMs);
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
        _turbulenceA.Start(_random);
        _turbulenceB.Start(_random);
        _jitterX.Start(_random);
        _jitterY.Start(_random);
        _step = 0;
        _current = Evaluate();
    }

    private void Advance()
    {
        _turbulenceA.Advance(_random);
        _turbulenceB.Advance(_random);
        _jitterX.Advance(_random);
        _jitterY.Advance(_random);
        _step++;
        _current = Evaluate();
    }

    private LinkSample Evaluate()
    {
        var fading = _budget.Fading;
        var logH = 0.0;
        if (_alphaTable is not null && _betaTable is not null)
        {
            logH = _alphaTable.LogValue(_turbulenceA.Value) + _betaTable.LogValue(_turbulenceB.Value);
        }
        else if (fading.HasTurbulence)
        {
            logH = (-fading.LogVariance / 2) + (Math.Sqrt(fading.LogVariance) * _turbulenceA.Value);
        }

        if (fading.HasJitter)
        {
            var r2 = (_jitterX.Value * _jitterX.Value) + (_jitterY.Value * _jitterY.Value);
            logH -= r2 / (2 * fading.GSquared);
        }

        var h = Math.Min(_budget.FixedChannelTransmittance * Math.Exp(logH), 1.0);
        var point = _protocol.Evaluate(h * _budget.ReceiverEfficiency);
        return new LinkSample(_step * _stepSeconds, h, point.KeyRatePerPulse * _rateScale, point.Qber, point.SinglePhotonQber);
    }
}
