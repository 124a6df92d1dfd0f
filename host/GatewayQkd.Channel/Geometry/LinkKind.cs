namespace GatewayQkd.Channel.Geometry;

/// <summary>Which way a link points: along the ground, or slant between a ground terminal and the HAP.</summary>
public enum LinkKind
{
    /// <summary>A horizontal link at constant altitude (the slides' first model: two buildings).</summary>
    Horizontal,

    /// <summary>A slant link from the HAP (transmitter) down to a ground terminal (receiver).</summary>
    Downlink,

    /// <summary>A slant link from a ground terminal (transmitter) up to the HAP (receiver).</summary>
    Uplink,
}
