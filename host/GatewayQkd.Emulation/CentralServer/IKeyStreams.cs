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

    /// <summary>Generates, stores durably and pushes a block of <paramref name="bytes"/> fresh key bytes for <paramref name="gatewayId"/>.</summary>
    KeyBlock IssueBlock(ushort gatewayId, int bytes);

    /// <summary>Pushes again every block in flight longer than <paramref name="timeout"/> and its backoff; returns how many.</summary>
    int ResendOverdue(TimeSpan timeout);

    /// <summary>Returns what is known of a gateway; <paramref name="recent"/> bounds "heard from recently".</summary>
    GatewayView View(ushort gatewayId, TimeSpan recent);
}
