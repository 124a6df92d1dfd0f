namespace GatewayQkd.Kms.Cluster;

/// <summary>A worker's hold on one gateway's key streams: valid while unexpired; a takeover raises the epoch.</summary>
/// <param name="GatewayId">The gateway.</param>
/// <param name="Owner">The worker holding it.</param>
/// <param name="Epoch">1 for the first owner, one more for every takeover: tells successive owners apart.</param>
/// <param name="ExpiresMs">When it lapses unless renewed, in Unix milliseconds of the writer's clock.</param>
public sealed record GatewayLease(ushort GatewayId, string Owner, long Epoch, long ExpiresMs);
