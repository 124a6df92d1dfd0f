namespace GatewayQkd.Channel.Turbulence;

/// <summary>Whether turbulence scintillation is part of the fading of the collected power.</summary>
public enum FadingModel
{
    /// <summary>
    /// Scintillation strength from the aperture-averaged Gamma-Gamma parameters (Al-Habash et al. 2001; Andrews and Phillips
    /// 2005 ch. 10), applied to the bounded collected-power law of <see cref="Fading.FadingSpec"/>.
    /// </summary>
    GammaGamma,

    /// <summary>No scintillation (pointing jitter and beam wander still fade the link).</summary>
    None,
}
