namespace GatewayQkd.Emulation.CentralServer;

/// <summary>What the central server knows of one gateway.</summary>
/// <param name="ReportedAvailableBits">The pool level it last reported.</param>
/// <param name="DeliveredBits">Key bits it acknowledged in this run.</param>
/// <param name="ReportedQueueLength">Its queued requests as last reported.</param>
/// <param name="ReportedLostBits">Key bits it reported lost at restarts.</param>
/// <param name="BlocksInFlight">Blocks pushed and not acknowledged.</param>
/// <param name="RecentlyHeard">Whether a frame from it arrived recently.</param>
public sealed record GatewayView(long ReportedAvailableBits, long DeliveredBits, int ReportedQueueLength, long ReportedLostBits, int BlocksInFlight, bool RecentlyHeard);
