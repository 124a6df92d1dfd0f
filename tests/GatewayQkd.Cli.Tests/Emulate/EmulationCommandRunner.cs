using System.CommandLine;
using GatewayQkd.Cli.Commands;

namespace GatewayQkd.Cli.Tests.Emulate;

/// <summary>Runs `demo`, `emulate` or `bench` in-process through the root command with captured output and error.</summary>
internal static class EmulationCommandRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await GatewayQkdRootCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
