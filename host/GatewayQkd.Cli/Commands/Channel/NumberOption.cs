using System.CommandLine;
using GatewayQkd.Channel.Link;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>A numeric command-line option bound to one <see cref="LinkOptions"/> property, applied only when given.</summary>
public sealed class NumberOption
{
    private readonly Func<LinkOptions, double, LinkOptions> _set;

    /// <summary>Creates the option; property is the LinkOptions (or QkdParameters) property it sets.</summary>
    public NumberOption(string name, string property, string description, Func<LinkOptions, double, LinkOptions> set)
    {
        Option = new Option<double?>(name) { Description = description };
        Property = property;
        _set = set;
    }

    /// <summary>Gets the System.CommandLine option.</summary>
    public Option<double?> Option { get; }

    /// <summary>Gets the name of the model property the option sets (to name it in errors).</summary>
    public string Property { get; }

    /// <summary>The options with this value applied, if the user gave one.</summary>
    public LinkOptions Apply(ParseResult parseResult, LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(Option) is { } value ? _set(options, value) : options;
    }
}
