namespace GatewayQkd.Channel.Network;

/// <summary>Where the N ground nodes sit relative to the HAP nadir.</summary>
public enum GroundNodeLayout
{
    /// <summary>All GNs at the downlink template's ground distance.</summary>
    SameDistance,

    /// <summary>GN i of N at the ground distance MinKm + (MaxKm - MinKm) i / (N - 1), evenly spread.</summary>
    Spread,
}
