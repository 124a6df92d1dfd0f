using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>The `channel` command (not built yet: its issue is open).</summary>
public static class ChannelCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("channel", "Not available yet in this build.");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine("gatewayqkd channel: not available yet in this build.");
            return 2;
        });
        return command;
    }
}
