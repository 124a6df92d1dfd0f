using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>A string option restricted to a fixed set of words, listed in its help text.</summary>
public static class CliChoice
{
    /// <summary>Creates the option.</summary>
    public static Option<string?> Create(string name, string description, params string[] values)
    {
        var option = new Option<string?>(name) { Description = description + " (" + string.Join('|', values) + ")" };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
