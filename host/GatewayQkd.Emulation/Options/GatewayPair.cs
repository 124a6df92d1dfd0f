using System.Globalization;

namespace GatewayQkd.Emulation.Options;

/// <summary>
/// Two gateways whose sensors share keys relayed by the HAP (DDKA paper s2.3, XOR forwarding): the lower id hands the
/// pair's keys out, the higher one serves them by key id (docs/protocol.md s2.9).
/// </summary>
/// <param name="Lower">The lower gateway id (initiates).</param>
/// <param name="Higher">The higher gateway id (fetches by key id).</param>
public readonly record struct GatewayPair(ushort Lower, ushort Higher)
{
    /// <summary>Returns "lower-higher".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Lower}-{Higher}");

    /// <summary>Returns whether <paramref name="gatewayId"/> is one end of the pair.</summary>
    public bool Has(ushort gatewayId) => gatewayId == Lower || gatewayId == Higher;

    /// <summary>Returns the other end of the pair from <paramref name="gatewayId"/>.</summary>
    public ushort Other(ushort gatewayId) => gatewayId == Lower ? Higher : Lower;
}
