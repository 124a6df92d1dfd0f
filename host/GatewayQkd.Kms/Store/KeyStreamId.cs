namespace GatewayQkd.Kms.Store;

/// <summary>
/// One key stream of the central key store: the stream two nodes share (node 0 = central server, other ids = gateways).
/// A gateway-to-gateway stream is the same stream seen from either end, so the id is the unordered pair, kept as
/// <see cref="GatewayId"/> = the higher node id and <see cref="PeerId"/> = the lower one. For a central-server stream
/// that is simply (gateway, 0), the stream a gateway's key ranges with peer 0 live on. <see cref="Use"/> tells the
/// pair's two streams apart: the one pushed to the gateway's pool and the ETSI 014 reservation.
/// </summary>
public readonly record struct KeyStreamId
{
    private KeyStreamId(ushort gatewayId, ushort peerId, KeyStreamUse use)
    {
        GatewayId = gatewayId;
        PeerId = peerId;
        Use = use;
    }

    /// <summary>Gets the higher node id of the pair (always a gateway, never 0).</summary>
    public ushort GatewayId { get; }

    /// <summary>Gets the lower node id of the pair (0 = central server).</summary>
    public ushort PeerId { get; }

    /// <summary>Gets which of the pair's streams this is.</summary>
    public KeyStreamUse Use { get; }

    /// <summary>
    /// The stream for <paramref name="use"/> (default: the sensors' stream) that gateway <paramref name="gatewayId"/>
    /// shares with <paramref name="peerId"/>, in either order.
    /// </summary>
    /// <exception cref="KeyStoreException">Both ids are equal (a node shares no stream with itself), or the use is unknown.</exception>
    public static KeyStreamId Of(ushort gatewayId, ushort peerId, KeyStreamUse use = KeyStreamUse.Sensors)
    {
        if (use is not (KeyStreamUse.Sensors or KeyStreamUse.Etsi014))
        {
            throw new KeyStoreException(KeyStoreError.InvalidStream, $"{use} is not a key stream use.");
        }

        if (gatewayId == peerId)
        {
            throw new KeyStoreException(KeyStoreError.InvalidStream,
                $"Node {gatewayId} shares no key stream with itself: a stream needs two different nodes.");
        }

        return gatewayId > peerId ? new KeyStreamId(gatewayId, peerId, use) : new KeyStreamId(peerId, gatewayId, use);
    }

    /// <summary>Returns "gateway~peer", e.g. "7~0", and "7~0/etsi014" for the ETSI 014 reservation.</summary>
    public override string ToString() => Use == KeyStreamUse.Sensors ? $"{GatewayId}~{PeerId}" : $"{GatewayId}~{PeerId}/etsi014";
}
