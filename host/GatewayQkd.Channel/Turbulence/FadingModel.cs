namespace GatewayQkd.Channel.Turbulence;

/// <summary>Distribution of the turbulence-induced irradiance fluctuation h_a (unit mean).</summary>
public enum FadingModel
{
    /// <summary>Gamma-Gamma (Al-Habash et al. 2001): weak to strong turbulence.</summary>
    GammaGamma,

    /// <summary>Log-normal with sigma^2 = ln(1 + sigma_I^2): weak turbulence only.</summary>
    LogNormal,

    /// <summary>No scintillation (h_a = 1).</summary>
    None,
}
