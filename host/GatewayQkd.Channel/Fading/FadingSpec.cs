using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Fading;

/// <summary>
/// The random part of a link's transmittance, h_a (h_p / A0): turbulence fading of unit mean and the pointing-jitter
/// factor, independent of each other. The deterministic parts (atmospheric loss, A0, receiver) scale it.
/// </summary>
/// <param name="Model">The turbulence fading distribution.</param>
/// <param name="Alpha">Gamma-Gamma alpha (used by <see cref="FadingModel.GammaGamma"/>).</param>
/// <param name="Beta">Gamma-Gamma beta (used by <see cref="FadingModel.GammaGamma"/>).</param>
/// <param name="ScintillationIndex">sigma_I^2 (the log-normal uses ln(1 + sigma_I^2)).</param>
/// <param name="GSquared">Pointing g^2 (infinite without jitter).</param>
public sealed record FadingSpec(FadingModel Model, double Alpha, double Beta, double ScintillationIndex, double GSquared)
{
    /// <summary>Gets ln(1 + sigma_I^2), the variance of ln h_a for the log-normal model.</summary>
    public double LogVariance => Math.Log(1 + ScintillationIndex);

    /// <summary>Gets a value indicating whether there is any scintillation.</summary>
    public bool HasTurbulence => Model != FadingModel.None && ScintillationIndex > 0;

    /// <summary>Gets a value indicating whether there is pointing jitter.</summary>
    public bool HasJitter => !double.IsPositiveInfinity(GSquared);

    /// <summary>The discretised distribution of ln(h_a h_p / A0) used for numerical averages.</summary>
    public LogGrid ToGrid()
    {
        var spreads = new List<double>();
        if (HasTurbulence && Model == FadingModel.GammaGamma)
        {
            spreads.Add(FadingFactors.GammaSpread(Alpha));
            spreads.Add(FadingFactors.GammaSpread(Beta));
        }
        else if (HasTurbulence)
        {
            spreads.Add(Math.Sqrt(LogVariance));
        }

        if (HasJitter)
        {
            spreads.Add(FadingFactors.JitterSpread(GSquared));
        }

        if (spreads.Count == 0)
        {
            return LogGrid.Unit(1.0);
        }

        // Fine enough for the narrowest factor, coarse enough that the widest stays near 3000 points.
        var step = Math.Max(Math.Max(spreads.Min() / 16, spreads.Max() / 150), 1e-3);
        var grid = LogGrid.Unit(step);
        if (HasTurbulence && Model == FadingModel.GammaGamma)
        {
            grid = FadingFactors.Gamma(Alpha, step).Convolve(FadingFactors.Gamma(Beta, step));
        }
        else if (HasTurbulence)
        {
            grid = FadingFactors.LogNormal(LogVariance, step);
        }

        return HasJitter ? grid.Convolve(FadingFactors.Jitter(GSquared, step)) : grid;
    }
}
