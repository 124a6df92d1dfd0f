using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Demo;

/// <summary>The `demo` command (not built yet: its issue is open).</summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "Not available yet in this build.");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine("gatewayqkd demo: not available yet in this build.");
            return 2;
        });
        return command;
    }
}
