namespace GatewayQkd.Channel.Qkd;

/// <summary>
/// How the key is distilled from a fading channel. Standard post-processing estimates the QBER and the decoy bounds from the
/// statistics of a whole block, which spans many turbulence coherence times, so the block statistics are fading averages
/// (<see cref="Block"/>). Distilling each fading state separately (<see cref="PerState"/>, the ergodic rate Integral R f)
/// needs the instantaneous transmittance and a block per state, as in adaptive post-selection schemes (Vallone et al.,
/// "Adaptive real time selection for quantum key distribution in lossy and turbulent free-space channels", PRA 91, 042320,
/// 2015; Erven et al., New J. Phys. 14, 123018, 2012).
/// </summary>
public enum KeyDistillation
{
    /// <summary>One block: the rate R(&lt;statistics&gt;) of the fading-averaged counts (the default).</summary>
    Block,

    /// <summary>Each fading state on its own: the ergodic rate Integral max(R(h), 0) f(h) dh.</summary>
    PerState,
}
