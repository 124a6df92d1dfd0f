namespace GatewayQkd.Channel.Qkd;

/// <summary>A finite-key optimum: the key length in bits and the basis and intensity probabilities that give it.</summary>
/// <param name="KeyLengthBits">The secret key length ell of one block.</param>
/// <param name="BasisProbability">q_x, the probability of the key basis on each side.</param>
/// <param name="IntensityProbabilities">p_mu1, p_mu2, p_mu3.</param>
public sealed record FiniteKeyResult(double KeyLengthBits, double BasisProbability, IReadOnlyList<double> IntensityProbabilities);
