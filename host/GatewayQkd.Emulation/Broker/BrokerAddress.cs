namespace GatewayQkd.Emulation.Broker;

/// <summary>One node of a broker: host name or address and TCP port.</summary>
/// <param name="Host">The host name or address.</param>
/// <param name="Port">The TCP port (1..65535).</param>
public sealed record BrokerAddress(string Host, int Port)
{
    /// <summary>Returns "host:port" (IPv6 in brackets).</summary>
    public override string ToString() => $"{(Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host)}:{Port}";
}
