using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>The `emulate` command (not built yet: its issue is open).</summary>
public static class EmulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("emulate", "Not available yet in this build.");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine("gatewayqkd emulate: not available yet in this build.");
            return 2;
        });
        return command;
    }
}
