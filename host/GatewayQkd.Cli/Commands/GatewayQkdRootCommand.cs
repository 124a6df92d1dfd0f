using System.CommandLine;
using GatewayQkd.Cli.Commands.Bench;
using GatewayQkd.Cli.Commands.Channel;
using GatewayQkd.Cli.Commands.Demo;
using GatewayQkd.Cli.Commands.Emulate;
using GatewayQkd.Cli.Commands.Kms;
using GatewayQkd.Cli.Commands.Simulate;

namespace GatewayQkd.Cli.Commands;

/// <summary>The `gatewayqkd` root command: one subcommand per job.</summary>
public static class GatewayQkdRootCommand
{
    /// <summary>Builds the root command with every subcommand registered.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "GatewayQkd: quantum keys for IoT gateways over a High Altitude Platform (HAP).\n" +
            "Emulates the HAP's FSO QKD links and the central server, runs the gateway firmware core on the host, " +
            "and evaluates channel physics and DDKA key allocation.");
        root.Options.Add(CliErrors.CreateVerboseOption());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EmulateCommand.Create());
        root.Subcommands.Add(ChannelCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(KmsCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
