namespace GatewayQkd.Channel.TimeSeries;

/// <summary>
/// A stationary standard-normal AR(1) process z_{k+1} = rho z_k + sqrt(1 - rho^2) e_k, rho = exp(-dt / tau): the sampled
/// Ornstein-Uhlenbeck process, exact for any step, with autocorrelation exp(-|t| / tau).
/// </summary>
public sealed class GaussMarkov
{
    private readonly double _rho;
    private readonly double _innovation;

    /// <summary>Creates the process for a step and correlation time (same unit).</summary>
    public GaussMarkov(double step, double correlationTime)
    {
        _rho = Math.Exp(-step / correlationTime);
        _innovation = Math.Sqrt(1 - (_rho * _rho));
    }

    /// <summary>Gets the current value.</summary>
    public double Value { get; private set; }

    /// <summary>Draws the stationary starting value.</summary>
    public void Start(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Value = StandardNormal(random);
    }

    /// <summary>Advances one step.</summary>
    public void Advance(Random random) => Value = (_rho * Value) + (_innovation * StandardNormal(random));

    // Box-Muller; one value per call keeps the stream a simple function of the seed.
    private static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
