namespace GatewayQkd.Emulation.Broker;

/// <summary>
/// Where an MQTT broker listens and how to log in: the embedded broker's loopback endpoint, or an external broker
/// such as Mosquitto given with `--broker HOST:PORT`.
/// </summary>
public sealed record BrokerEndpoint
{
    /// <summary>Gets the host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>Gets the TCP port (1..65535).</summary>
    public required int Port { get; init; }

    /// <summary>Gets a value indicating whether the connection uses TLS.</summary>
    public bool UseTls { get; init; }

    /// <summary>Gets the PEM or DER file of the CA that signed the broker's certificate (TLS only; null = system store).</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>Gets a value indicating whether any broker certificate is accepted (test brokers with self-signed certificates).</summary>
    public bool AllowUntrustedCertificates { get; init; }

    /// <summary>Gets the user name, or null for none.</summary>
    public string? Username { get; init; }

    /// <summary>Gets the password, or null for none.</summary>
    public string? Password { get; init; }

    /// <summary>Gets where the password comes from, for messages (e.g. "$GATEWAYQKD_BROKER_PASSWORD"), or null.</summary>
    public string? PasswordSource { get; init; }

    /// <summary>Gets the MQTT version the host's clients speak (MQTT 5 by default; 3.1.1 for NATS, like the boards).</summary>
    public MqttProtocol ProtocolVersion { get; init; }

    /// <summary>
    /// Gets the other nodes of a clustered broker, tried in turn after <see cref="Host"/>:<see cref="Port"/> when the
    /// node a client is on stops answering (same credentials and TLS options).
    /// </summary>
    public IReadOnlyList<BrokerAddress> Fallbacks { get; init; } = [];

    /// <summary>Gets every node in the order clients try them: the primary address first, then the fallbacks.</summary>
    public IReadOnlyList<BrokerAddress> Addresses => [new BrokerAddress(Host, Port), .. Fallbacks];

    /// <summary>
    /// Parses "HOST:PORT" (IPv6 in brackets: "[::1]:1883"), or a clustered broker's nodes as "HOST:PORT,HOST:PORT,...":
    /// the first is the primary, the others become <see cref="Fallbacks"/>.
    /// </summary>
    public static BrokerEndpoint Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.Contains(',', StringComparison.Ordinal))
        {
            var nodes = text.Split(',', StringSplitOptions.TrimEntries).Select(ParseOne).ToArray();
            return nodes[0] with { Fallbacks = [.. nodes[1..].Select(n => new BrokerAddress(n.Host, n.Port))] };
        }

        return ParseOne(text);
    }

    private static BrokerEndpoint ParseOne(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("A broker address in the list is empty; give HOST:PORT,HOST:PORT,...");
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new FormatException($"Broker address '{text}' is not HOST:PORT.");
        }

        var host = text[..colon].Trim('[', ']');
        if (!int.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"Broker port in '{text}' must be a number from 1 to 65535.");
        }

        return new BrokerEndpoint { Host = host, Port = port };
    }

    /// <summary>Returns "host:port" (every node, comma-separated, for a cluster) with "tls" when TLS is on (the password is never shown).</summary>
    public override string ToString() => $"{string.Join(",", Addresses)}{(UseTls ? " (TLS)" : string.Empty)}";
}
