using System.Net;
using System.Net.Sockets;

namespace GatewayQkd.Emulation.Broker;

/// <summary>Finds a TCP port on loopback that nobody listens on, by letting the OS choose one (bind to port 0).</summary>
public static class FreeTcpPort
{
    /// <summary>Returns a port that was free a moment ago (another process could take it before the caller binds it).</summary>
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
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
