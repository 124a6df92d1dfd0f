using GatewayQkd.Channel.Link;

namespace GatewayQkd.Channel.Qkd;

/// <summary>Checks a <see cref="QkdParameters"/> and throws an <see cref="ArgumentException"/> naming the bad parameter.</summary>
public static class QkdParametersValidator
{
    /// <summary>Throws if any parameter is out of range.</summary>
    public static void ThrowIfInvalid(QkdParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Require.Positive(parameters.SignalMeanPhotonNumber, nameof(parameters.SignalMeanPhotonNumber));
        Require.Positive(parameters.DecoyMeanPhotonNumber, nameof(parameters.DecoyMeanPhotonNumber));
        if (parameters.Protocol == DecoyProtocol.VacuumWeakDecoy && parameters.DecoyMeanPhotonNumber >= parameters.SignalMeanPhotonNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters.DecoyMeanPhotonNumber), parameters.DecoyMeanPhotonNumber,
                $"DecoyMeanPhotonNumber must be below SignalMeanPhotonNumber ({parameters.SignalMeanPhotonNumber}).");
        }

        Require.NonNegative(parameters.VacuumDecoyMeanPhotonNumber, nameof(parameters.VacuumDecoyMeanPhotonNumber));
        if (parameters.FiniteKey is { } finite)
        {
            finite.ThrowIfInvalid();
            if (parameters.VacuumDecoyMeanPhotonNumber >= parameters.DecoyMeanPhotonNumber
                || parameters.SignalMeanPhotonNumber <= parameters.DecoyMeanPhotonNumber + parameters.VacuumDecoyMeanPhotonNumber)
            {
                throw new ArgumentOutOfRangeException(nameof(parameters.DecoyMeanPhotonNumber), parameters.DecoyMeanPhotonNumber,
                    "The finite-key analysis needs mu > nu + mu3 and nu > mu3 (Lim et al. 2014).");
            }
        }

        Require.Probability(parameters.DarkCountProbability, nameof(parameters.DarkCountProbability));
        Require.Probability(parameters.BackgroundProbability, nameof(parameters.BackgroundProbability));
        Require.Probability(parameters.VacuumYield, nameof(parameters.VacuumYield));
        Require.InRange(parameters.MisalignmentError, 0, 0.5, nameof(parameters.MisalignmentError));
        Require.InRange(parameters.ErrorCorrectionEfficiency, 1, 10, nameof(parameters.ErrorCorrectionEfficiency));
        Require.Probability(parameters.SiftingFactor, nameof(parameters.SiftingFactor));
        Require.Positive(parameters.RepetitionRateHz, nameof(parameters.RepetitionRateHz));
    }
}
