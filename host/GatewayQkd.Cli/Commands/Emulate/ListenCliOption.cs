using System.CommandLine;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>`--listen ADDRESS:PORT`, shared by `emulate` and `demo`: where the embedded broker listens (0.0.0.0:1883 for a board on the LAN).</summary>
internal sealed class ListenCliOption
{
    public Option<string?> Listen { get; } = CliOption.Parsed(
        CliOption.Described<string?>("--listen", "Address and port of the embedded broker, e.g. 0.0.0.0:1883 so a board on the LAN can connect (default 127.0.0.1, a free port)."),
        text => ListenEndpoint.Parse(text));

    /// <summary>Adds the option to <paramref name="command"/>; the scenario key it sets goes into <paramref name="names"/>.</summary>
    public void AddTo(Command command, OptionMap names) => CliOption.AddTo(command, names.Sets(Listen, "listen"));

    /// <summary>Returns <paramref name="options"/> with the listen address and port when --listen was given.</summary>
    public EmulationOptions Apply(ParseResult parse, EmulationOptions options) =>
        parse.GetValue(Listen) is { } text && ListenEndpoint.Parse(text) is var listen
            ? options with { EmbeddedBrokerAddress = listen.Address, EmbeddedBrokerPort = listen.Port }
            : options;
}
