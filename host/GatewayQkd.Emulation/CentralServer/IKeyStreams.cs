using GatewayQkd.Core.Pool;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// The central server's key streams as the HAP and the run see them: issue a block (stored durably, then pushed),
/// the room each gateway's pool has left, resending what is overdue, and what is known of each gateway. Accepted
/// supplement requests are raised for the HAP.
/// </summary>
public interface IKeyStreams
{
    /// <summary>Raised for each accepted supplement request.</summary>
    event EventHandler<SupplementReceivedEventArgs>? SupplementReceived;

    /// <summary>Gets the gateway ids served, ascending.</summary>
    IReadOnlyList<ushort> GatewayIds { get; }

    /// <summary>Returns the bits the HAP may still send to <paramref name="gatewayId"/> (capacity minus reported level minus in flight).</summary>
    long RoomBits(ushort gatewayId);

    /// <summary>
    /// Generates, stores durably and pushes a block of <paramref name="bytes"/> fresh key bytes for <paramref name="gatewayId"/>
    /// (or, while the gateway's ETSI 014 reservation is below <see cref="KeyStreamSettings.Etsi014ReserveBytes"/>, adds it
    /// to the reservation and pushes nothing). Returns null, storing nothing, when the gateway is not served here now
    /// (a worker of several that does not hold its lease).
    /// </summary>
    KeyBlock? IssueBlock(ushort gatewayId, int bytes);

    /// <summary>Pushes again every block in flight longer than <paramref name="timeout"/> and its backoff; returns how many.</summary>
    int ResendOverdue(TimeSpan timeout);

    /// <summary>Gets the gateway pairs whose streams are relayed.</summary>
    IReadOnlyList<Options.GatewayPair> Pairs { get; }

    /// <summary>Returns the bits a pair stream may still take on both its gateways (each pool's room and the pair's cap).</summary>
    long PairRoomBits(Options.GatewayPair pair);

    /// <summary>
    /// Generates K1 for <paramref name="pair"/>, stores it durably as the next block of the pair's stream, then pushes it
    /// to the lower gateway and relays it to the higher one by XOR forwarding (fresh link key K2, K1 xor K2).
    /// </summary>
    KeyBlock IssuePairBlock(Options.GatewayPair pair, int bytes);

    /// <summary>Returns what is known of a gateway; <paramref name="recent"/> bounds "heard from recently".</summary>
    GatewayView View(ushort gatewayId, TimeSpan recent);
}
