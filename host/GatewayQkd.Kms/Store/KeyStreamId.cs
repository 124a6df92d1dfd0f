namespace GatewayQkd.Kms.Store;

/// <summary>
/// One key stream of the central key store: the stream two nodes share (node 0 = central server, other ids = gateways).
/// A gateway-to-gateway stream is the same stream seen from either end, so the id is the unordered pair, kept as
/// <see cref="GatewayId"/> = the higher node id and <see cref="PeerId"/> = the lower one. For a central-server stream
/// that is simply (gateway, 0), the stream a gateway's key ranges with peer 0 live on.
/// </summary>
public readonly record struct KeyStreamId
{
    private KeyStreamId(ushort gatewayId, ushort peerId)
    {
        GatewayId = gatewayId;
        PeerId = peerId;
    }

    /// <summary>Gets the higher node id of the pair (always a gateway, never 0).</summary>
    public ushort GatewayId { get; }

    /// <summary>Gets the lower node id of the pair (0 = central server).</summary>
    public ushort PeerId { get; }

    /// <summary>The stream gateway <paramref name="gatewayId"/> shares with <paramref name="peerId"/>, in either order.</summary>
    /// <exception cref="KeyStoreException">Both ids are equal (a node shares no stream with itself).</exception>
    public static KeyStreamId Of(ushort gatewayId, ushort peerId)
    {
        if (gatewayId == peerId)
        {
            throw new KeyStoreException(KeyStoreError.InvalidStream,
                $"Node {gatewayId} shares no key stream with itself: a stream needs two different nodes.");
        }

        return gatewayId > peerId ? new KeyStreamId(gatewayId, peerId) : new KeyStreamId(peerId, gatewayId);
    }

    /// <summary>Returns "gateway~peer", e.g. "7~0".</summary>
    public override string ToString() => $"{GatewayId}~{PeerId}";
}
