using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Kms;

/// <summary>The `kms` command (not built yet: its issue is open).</summary>
public static class KmsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("kms", "Not available yet in this build.");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine("gatewayqkd kms: not available yet in this build.");
            return 2;
        });
        return command;
    }
}
