using System.Net;

namespace GatewayQkd.Emulation.Broker;

/// <summary>
/// The broker address and port a real board must put in its settings (`mqtt.host`, `mqtt.port`) to join a run, and the
/// line `emulate` and `demo` print about it.
/// </summary>
public static class BoardBrokerAddress
{
    /// <summary>
    /// Returns the host and port a board connects to, or null when no board can reach the broker (the embedded broker
    /// on loopback, an external broker on loopback, or no LAN address for a wildcard listener).
    /// </summary>
    public static (string Host, int Port)? Find(ListenEndpoint? embedded, BrokerEndpoint? external)
    {
        if (external is not null)
        {
            return IPAddress.TryParse(external.Host, out var address) && IPAddress.IsLoopback(address) || external.Host == "localhost"
                ? null
                : (external.Host, external.Port);
        }

        ArgumentNullException.ThrowIfNull(embedded);
        return LanAddress.ForBoards(embedded) is { } lan ? (lan.ToString(), embedded.Port) : null;
    }

    /// <summary>Returns the line telling the user where a board connects, or why it cannot.</summary>
    public static string Describe(ListenEndpoint? embedded, BrokerEndpoint? external)
    {
        if (Find(embedded, external) is { } target)
        {
            return $"A board connects to {target.Host}:{target.Port} (settings mqtt.host={target.Host}, mqtt.port={target.Port})" +
                (external is null ? $"; the embedded broker listens on {embedded}." : ".");
        }

        if (external is not null)
        {
            return $"The broker {external} is on loopback: a board cannot reach it; give its LAN address in --broker.";
        }

        return embedded!.IsLoopback
            ? $"The embedded broker listens on {embedded} only: a board cannot reach it (use --listen 0.0.0.0:1883)."
            : $"The embedded broker listens on {embedded}, but this PC has no LAN address a board could use.";
    }
}
