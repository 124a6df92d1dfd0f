using GatewayQkd.Channel.Link;

namespace GatewayQkd.Channel.Qkd;

/// <summary>
/// Finite-key settings of decoy BB84 (Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307, 2014): the number N of pulses Alice
/// sends in one block (a HAP pass or a weather window bounds it) and the security parameters. Basis and intensity
/// probabilities are chosen to maximise the key length for the block.
/// </summary>
public sealed record FiniteKeyParameters
{
    /// <summary>Gets N, the pulses sent in one block.</summary>
    public double BlockPulses { get; init; } = 1e10;

    /// <summary>Gets eps_sec, the secrecy parameter (Lim et al. 2014 main text: eps_sec = 21 eps).</summary>
    public double SecrecyEpsilon { get; init; } = 1e-9;

    /// <summary>Gets eps_cor, the correctness parameter (Lim et al. 2014 use 1e-15).</summary>
    public double CorrectnessEpsilon { get; init; } = 1e-15;

    /// <summary>Throws unless the settings are usable, naming the parameter.</summary>
    public void ThrowIfInvalid()
    {
        Require.InRange(BlockPulses, 1e3, 1e18, nameof(BlockPulses));
        Require.InRange(SecrecyEpsilon, 1e-30, 0.1, nameof(SecrecyEpsilon));
        Require.InRange(CorrectnessEpsilon, 1e-30, 0.1, nameof(CorrectnessEpsilon));
    }
}
