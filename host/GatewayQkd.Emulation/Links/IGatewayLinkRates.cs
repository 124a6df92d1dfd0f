namespace GatewayQkd.Emulation.Links;

/// <summary>
/// Gives each HAP-GN link's condition over emulated time by gateway id: constant, or the channel model's series
/// (GatewayQkd.Channel.TimeSeries.IKeyRateSource, adapted by <see cref="ChannelLinkRates"/>).
/// </summary>
/// <remarks>Implementations are deterministic for a given seed and safe to call from one thread at a time.</remarks>
public interface IGatewayLinkRates
{
    /// <summary>Gets a short description for the live view and the report ("constant 1280 bit/s", "channel ...").</summary>
    string Description { get; }

    /// <summary>Returns the condition of the link to <paramref name="gatewayId"/> at <paramref name="emulatedSeconds"/>.</summary>
    LinkCondition At(ushort gatewayId, double emulatedSeconds);
}
