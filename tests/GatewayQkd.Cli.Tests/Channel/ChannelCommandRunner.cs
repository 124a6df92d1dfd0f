using System.CommandLine;
using GatewayQkd.Cli.Commands.Channel;

namespace GatewayQkd.Cli.Tests.Channel;

/// <summary>Runs `channel` in-process with captured output and error streams.</summary>
internal static class ChannelCommandRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ChannelCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public static ChannelCommandOptions Bind(params string[] args)
    {
        var cli = new ChannelCliOptions();
        var command = new Command("channel");
        cli.AddTo(command);
        return cli.Bind(command.Parse(args));
    }
}
