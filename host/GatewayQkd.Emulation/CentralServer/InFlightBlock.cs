using GatewayQkd.Core.Pool;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>A block pushed to a gateway and not yet acknowledged, with the wall-clock time of its last send.</summary>
/// <param name="Block">The block as stored in the central key store.</param>
/// <param name="LastSentTicks">Stopwatch timestamp of the last send.</param>
internal sealed record InFlightBlock(KeyBlock Block, long LastSentTicks);
