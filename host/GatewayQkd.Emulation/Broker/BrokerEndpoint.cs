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

    /// <summary>Parses "HOST:PORT" (IPv6 in brackets: "[::1]:1883").</summary>
    public static BrokerEndpoint Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
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

    /// <summary>Returns "host:port" with "tls" when TLS is on (the password is never shown).</summary>
    public override string ToString() => $"{(Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host)}:{Port}{(UseTls ? " (TLS)" : string.Empty)}";
}
