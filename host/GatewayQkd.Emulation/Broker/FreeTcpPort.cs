using System.Net;
using System.Net.Sockets;

namespace GatewayQkd.Emulation.Broker;

/// <summary>Finds a TCP port that nobody listens on, by letting the OS choose one (bind to port 0).</summary>
public static class FreeTcpPort
{
    /// <summary>Returns a loopback port that was free a moment ago (another process could take it before the caller binds it).</summary>
    public static int Find() => Find(IPAddress.Loopback);

    /// <summary>Returns a port that was free on <paramref name="address"/> a moment ago.</summary>
    public static int Find(IPAddress address)
    {
        var listener = new TcpListener(address, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
