using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>The `bench` command (not built yet: its issue is open).</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Not available yet in this build.");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine("gatewayqkd bench: not available yet in this build.");
            return 2;
        });
        return command;
    }
}
