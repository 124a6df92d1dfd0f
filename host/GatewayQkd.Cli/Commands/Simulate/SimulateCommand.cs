using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Simulate;

/// <summary>The `simulate` command (not built yet: its issue is open).</summary>
public static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("simulate", "Not available yet in this build.");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine("gatewayqkd simulate: not available yet in this build.");
            return 2;
        });
        return command;
    }
}
