using System.Globalization;

namespace GatewayQkd.Emulation.Links;

/// <summary>Every link at one fixed secret key rate, as in the DDKA paper's evaluation (link rate 1280 bit/s, s4).</summary>
public sealed class ConstantKeyRate : IGatewayLinkRates
{
    private readonly double _bitsPerSecond;

    /// <summary>Creates the source; the rate must be positive.</summary>
    public ConstantKeyRate(double bitsPerSecond)
    {
        if (!(bitsPerSecond > 0) || !double.IsFinite(bitsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(bitsPerSecond), bitsPerSecond, "The key rate must be a positive number of bits per second.");
        }

        _bitsPerSecond = bitsPerSecond;
    }

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture, $"constant {_bitsPerSecond:0.###} bit/s per link");

    /// <inheritdoc />
    public LinkCondition At(ushort gatewayId, double emulatedSeconds) => new(_bitsPerSecond, double.NaN);
}
