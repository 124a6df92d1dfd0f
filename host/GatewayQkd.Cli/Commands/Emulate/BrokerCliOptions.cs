using System.CommandLine;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>The broker options `emulate` and `bench` share: an external broker (Mosquitto) with TLS and credentials, or the embedded one's port.</summary>
internal sealed class BrokerCliOptions
{
    /// <summary>The environment variable read for the broker password (never on the command line, where `ps` shows it).</summary>
    public const string PasswordVariable = "GATEWAYQKD_BROKER_PASSWORD";

    public Option<string?> Broker { get; } = CliOption.Parsed(
        CliOption.Described<string?>("--broker", "External MQTT broker HOST:PORT (e.g. a Mosquitto), or a cluster's nodes HOST:PORT,HOST:PORT,...; default: the embedded broker."), text => BrokerEndpoint.Parse(text));

    public Option<string?> Mqtt { get; } = CliOption.Choice(
        "--broker-mqtt", "MQTT version the host's clients speak to the external broker: 5 (default) or 3.1.1 (NATS, which refuses MQTT 5).", "5", "3.1.1");

    public Option<string?> User { get; } = CliOption.Described<string?>("--broker-user", $"User name at the external broker; the password is read from ${PasswordVariable}.");

    public Option<bool> Tls { get; } = CliOption.Described<bool>("--broker-tls", "Connect to the external broker over TLS.");

    public Option<FileInfo?> Ca { get; } = CliOption.Checked(
        CliOption.Described<FileInfo?>("--broker-ca", "CA certificate (PEM) that signed the broker's certificate (TLS)."),
        file => file is { Exists: false } ? $"--broker-ca: '{file.FullName}' does not exist." : null);

    public Option<bool> Insecure { get; } = CliOption.Described<bool>("--broker-insecure", "Accept any broker certificate (test brokers only).");

    public Option<int?> Port { get; } = CliOption.Described<int?>("--broker-port", "Port of the embedded broker (default: a free port; fix it so a real board can connect).");

    /// <summary>Adds the options to <paramref name="command"/>; the scenario keys they set go into <paramref name="names"/>.</summary>
    public void AddTo(Command command, OptionMap names)
    {
        CliOption.AddTo(command, names.Sets(Broker, "broker"), Mqtt, User, Tls, Ca, Insecure, names.Sets(Port, "embeddedBrokerPort"));
    }

    /// <summary>Returns <paramref name="options"/> with the broker the command line gives (an external one, or the embedded one's port).</summary>
    public EmulationOptions Apply(ParseResult parse, EmulationOptions options) => options with
    {
        ExternalBroker = Endpoint(parse) ?? options.ExternalBroker,
        EmbeddedBrokerPort = parse.GetValue(Port) ?? options.EmbeddedBrokerPort,
    };

    /// <summary>Returns the external endpoint the options describe, or null for the embedded broker.</summary>
    public BrokerEndpoint? Endpoint(ParseResult parse)
    {
        var text = parse.GetValue(Broker);
        if (text is null)
        {
            return null;
        }

        var user = parse.GetValue(User);
        return BrokerEndpoint.Parse(text) with
        {
            ProtocolVersion = parse.GetValue(Mqtt) == "3.1.1" ? MqttProtocol.V311 : MqttProtocol.V500,
            UseTls = parse.GetValue(Tls),
            CaCertificateFile = parse.GetValue(Ca)?.FullName,
            AllowUntrustedCertificates = parse.GetValue(Insecure),
            Username = user,
            Password = user is null ? null : Environment.GetEnvironmentVariable(PasswordVariable),
            PasswordSource = Environment.GetEnvironmentVariable(PasswordVariable) is null ? $"${PasswordVariable} (not set)" : $"${PasswordVariable}",
        };
    }
}
