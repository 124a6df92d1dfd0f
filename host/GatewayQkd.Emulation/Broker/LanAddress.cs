using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace GatewayQkd.Emulation.Broker;

/// <summary>
/// The PC's addresses a board on the LAN can reach: IPv4 unicast addresses of interfaces that are up, not loopback
/// and not link-local (169.254/16), those of interfaces with a default gateway first (the Wi-Fi or Ethernet the
/// board's access point is on, rather than a container bridge). A board's settings need one of them as `mqtt.host`
/// when the broker listens on every interface.
/// </summary>
public static class LanAddress
{
    /// <summary>Returns every candidate, best first.</summary>
    public static IReadOnlyList<IPAddress> Candidates()
    {
        var found = new List<(IPAddress Address, bool HasGateway)>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            var properties = nic.GetIPProperties();
            var hasGateway = properties.GatewayAddresses.Any(g => g.Address.AddressFamily == AddressFamily.InterNetwork && !g.Address.Equals(IPAddress.Any));
            foreach (var unicast in properties.UnicastAddresses)
            {
                var address = unicast.Address;
                if (address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address) && !IsLinkLocal(address))
                {
                    found.Add((address, hasGateway));
                }
            }
        }

        return [.. found.OrderByDescending(f => f.HasGateway).Select(f => f.Address).Distinct()];
    }

    /// <summary>
    /// Returns the address a board must connect to for a broker listening on <paramref name="listen"/>: the address
    /// itself when it is a specific one, the best LAN candidate for a wildcard, and null when no board can reach it
    /// (loopback, or a wildcard on a PC without a LAN address).
    /// </summary>
    public static IPAddress? ForBoards(ListenEndpoint listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        if (listen.IsLoopback)
        {
            return null;
        }

        return listen.IsAnyAddress ? Candidates().FirstOrDefault() : listen.Address;
    }

    private static bool IsLinkLocal(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes[0] == 169 && bytes[1] == 254;
    }
}
