using System.Globalization;
using System.Net;

namespace GatewayQkd.Emulation.Broker;

/// <summary>
/// Where the embedded broker listens: an IP address and a port (0 = a free port). 127.0.0.1 (the default) keeps the
/// broker on this PC; 0.0.0.0 (or [::]) opens it to the LAN so a real board can connect (`--listen 0.0.0.0:1883`).
/// </summary>
public sealed record ListenEndpoint(IPAddress Address, int Port)
{
    /// <summary>Gets the default: loopback, a free port.</summary>
    public static ListenEndpoint Default { get; } = new(IPAddress.Loopback, 0);

    /// <summary>Gets a value indicating whether the address is a wildcard (every interface).</summary>
    public bool IsAnyAddress => Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any);

    /// <summary>Gets a value indicating whether only this PC can connect.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>Parses "ADDRESS:PORT" with a numeric address ("0.0.0.0:1883", "[::]:1883"); port 0 = a free one.</summary>
    /// <exception cref="FormatException">The text is not a numeric address and a port in 0..65535.</exception>
    public static ListenEndpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new FormatException($"Listen address '{text}' is not ADDRESS:PORT (e.g. 0.0.0.0:1883).");
        }

        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!IPAddress.TryParse(host, out var address) || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !text.StartsWith('[')))
        {
            throw new FormatException($"Listen address '{text}': '{host}' is not an IP address (IPv6 in brackets: [::]:1883).");
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"Listen address '{text}': the port must be a number from 0 to 65535 (0 = a free port).");
        }

        return new ListenEndpoint(address, port);
    }

    /// <summary>Returns "address:port" (IPv6 in brackets).</summary>
    public override string ToString() => Format(Address, Port);

    /// <summary>Formats an address and port as "address:port" (IPv6 in brackets).</summary>
    public static string Format(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{address}]:{port.ToString(CultureInfo.InvariantCulture)}"
            : $"{address}:{port.ToString(CultureInfo.InvariantCulture)}";
    }
}
