namespace GatewayQkd.Channel.Atmosphere;

/// <summary>How aerosol extinction is distributed along a slant path (horizontal links always use the whole path).</summary>
public enum BoundaryLayerModel
{
    /// <summary>Ground-level extinction over an effective layer thickness H_eff: A = 4.343 beta H_eff sec(zeta).</summary>
    EffectiveLayer,

    /// <summary>Exponential profile beta(h) = beta0 exp(-h / Hs): tau = beta0 Hs (1 - exp(-(H - h0) / Hs)) sec(zeta).</summary>
    Exponential,

    /// <summary>Ground-level extinction over the whole slant path (pessimistic; for comparison only).</summary>
    WholePath,
}
