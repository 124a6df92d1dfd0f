using System.CommandLine;
using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>The broker options `emulate` and `bench` share: an external broker (Mosquitto) with TLS and credentials, or the embedded one's port.</summary>
internal sealed class BrokerCliOptions
{
    /// <summary>The environment variable read for the broker password (never on the command line, where `ps` shows it).</summary>
    public const string PasswordVariable = "GATEWAYQKD_BROKER_PASSWORD";

    public Option<string?> Broker { get; } = new("--broker") { Description = "External MQTT broker HOST:PORT (e.g. a Mosquitto); default: the embedded broker." };

    public Option<string?> User { get; } = new("--broker-user") { Description = $"User name at the external broker; the password is read from ${PasswordVariable}." };

    public Option<bool> Tls { get; } = new("--broker-tls") { Description = "Connect to the external broker over TLS." };

    public Option<FileInfo?> Ca { get; } = new("--broker-ca") { Description = "CA certificate (PEM) that signed the broker's certificate (TLS)." };

    public Option<bool> Insecure { get; } = new("--broker-insecure") { Description = "Accept any broker certificate (test brokers only)." };

    public Option<int?> Port { get; } = new("--broker-port") { Description = "Port of the embedded broker (default: a free port; fix it so a real board can connect)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Broker, User, Tls, Ca, Insecure, Port })
        {
            command.Options.Add(option);
        }

        Broker.Validators.Add(r =>
        {
            var text = r.GetValueOrDefault<string?>();
            if (text is not null)
            {
                try
                {
                    BrokerEndpoint.Parse(text);
                }
                catch (FormatException e)
                {
                    r.AddError(e.Message);
                }
            }
        });
        Ca.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<FileInfo?>() is { Exists: false } file)
            {
                r.AddError($"--broker-ca: '{file.FullName}' does not exist.");
            }
        });
    }

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
            UseTls = parse.GetValue(Tls),
            CaCertificateFile = parse.GetValue(Ca)?.FullName,
            AllowUntrustedCertificates = parse.GetValue(Insecure),
            Username = user,
            Password = user is null ? null : Environment.GetEnvironmentVariable(PasswordVariable),
            PasswordSource = Environment.GetEnvironmentVariable(PasswordVariable) is null ? $"${PasswordVariable} (not set)" : $"${PasswordVariable}",
        };
    }
}
