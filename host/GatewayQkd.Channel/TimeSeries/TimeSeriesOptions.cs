using GatewayQkd.Channel.Link;

namespace GatewayQkd.Channel.TimeSeries;

/// <summary>
/// Time correlation of the fading processes: turbulence decorrelates with the coherence time tau_c (ms scale at optical
/// wavelengths), HAP vibration with its own correlation time; both are exp(-dt/tau) Gauss-Markov processes.
/// </summary>
public sealed record TimeSeriesOptions
{
    /// <summary>Gets the turbulence coherence time tau_c in milliseconds.</summary>
    public double CoherenceTimeMs { get; init; } = 10;

    /// <summary>Gets the correlation time of the HAP pointing vibration in milliseconds.</summary>
    public double VibrationCorrelationTimeMs { get; init; } = 100;

    /// <summary>Gets the time step in milliseconds (values hold within a step).</summary>
    public double StepMs { get; init; } = 1;

    /// <summary>Gets the random seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Throws if a parameter is out of range, naming it.</summary>
    public void Validate()
    {
        Require.Positive(CoherenceTimeMs, nameof(CoherenceTimeMs));
        Require.Positive(VibrationCorrelationTimeMs, nameof(VibrationCorrelationTimeMs));
        Require.Positive(StepMs, nameof(StepMs));
    }
}
