using System.Net.Sockets;
using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Emulation.Bus;

/// <summary>
/// The first connection to the broker did not succeed in time, or its host name does not resolve: the message names
/// the address, the last error and what to check, in one line (docs/emulation.md s1).
/// </summary>
public sealed class BrokerUnreachableException : IOException
{
    /// <summary>Creates the exception for <paramref name="endpoint"/> after <paramref name="waited"/> (null: failed at once).</summary>
    public BrokerUnreachableException(BrokerEndpoint endpoint, TimeSpan? waited, Exception? lastError)
        : base(Describe(endpoint, waited, lastError), lastError)
    {
    }

    /// <summary>Creates the exception without detail (serialization contract).</summary>
    public BrokerUnreachableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BrokerUnreachableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public BrokerUnreachableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Returns whether <paramref name="error"/> (or an inner exception) says the host name does not resolve.</summary>
    public static bool IsUnknownHost(Exception error) => Socket(error)?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData;

    private static SocketException? Socket(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }

    private static string Describe(BrokerEndpoint endpoint, TimeSpan? waited, Exception? lastError)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (lastError is not null && IsUnknownHost(lastError))
        {
            return $"The broker host '{endpoint.Host}' does not resolve to an address. Check the host name in --broker HOST:PORT (or the scenario's broker.host) and the DNS or hosts file.";
        }

        var why = Socket(lastError)?.Message ?? lastError?.Message ?? "no answer";
        var after = waited is { } w ? $" within {w.TotalSeconds:0.#} s" : string.Empty;
        return $"Cannot connect to the MQTT broker at {endpoint}{after} (last error: {why.TrimEnd('.')}). " +
            "Check that the broker is running and reachable there, and the --broker HOST:PORT and --broker-tls options.";
    }
}
