using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>A string option restricted to a fixed set of words (the help lists them).</summary>
public static class CliChoice
{
    /// <summary>Creates the option.</summary>
    public static Option<string?> Create(string name, string description, params string[] values)
    {
        var option = new Option<string?>(name) { Description = description };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
