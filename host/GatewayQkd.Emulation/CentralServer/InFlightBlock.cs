using GatewayQkd.Core.Pool;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>A block pushed to a gateway and not yet acknowledged, with the wall-clock time of its last send.</summary>
/// <param name="Block">The block as stored in the central key store.</param>
/// <param name="LastSentTicks">Stopwatch timestamp of the last send.</param>
/// <param name="Resends">How often it was sent again after its first send (drives <see cref="ResendBackoff"/>).</param>
internal sealed record InFlightBlock(KeyBlock Block, long LastSentTicks, int Resends)
{
    /// <summary>True when the next send is allowed: the backoff, and at least <paramref name="floor"/>, passed since the last one.</summary>
    public bool IsDue(TimeSpan floor)
    {
        var wait = ResendBackoff.Delay(Resends);
        return System.Diagnostics.Stopwatch.GetElapsedTime(LastSentTicks) >= (floor > wait ? floor : wait);
    }
}
