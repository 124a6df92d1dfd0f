using System.CommandLine;
using System.Globalization;
using GatewayQkd.Channel.Link;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// A numeric command-line option bound to one <see cref="LinkOptions"/> property, applied only when given. Its help text
/// ends with the model default, read from a default <see cref="LinkOptions"/>, so `--help` always shows what the model uses.
/// </summary>
public sealed class NumberOption
{
    private readonly Func<LinkOptions, double, LinkOptions> _set;

    /// <summary>Creates the option; property is the LinkOptions (or QkdParameters) property it sets, get reads its default.</summary>
    public NumberOption(string name, string property, string description, Func<LinkOptions, double, LinkOptions> set, Func<LinkOptions, string> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        Option = new Option<double?>(name) { Description = $"{description} [default: {get(new LinkOptions())}]" };
        Property = property;
        _set = set;
    }

    /// <summary>Gets the System.CommandLine option.</summary>
    public Option<double?> Option { get; }

    /// <summary>Gets the name of the model property the option sets (to name it in errors).</summary>
    public string Property { get; }

    /// <summary>A number as help text shows it.</summary>
    public static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>The options with this value applied, if the user gave one.</summary>
    public LinkOptions Apply(ParseResult parseResult, LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(Option) is { } value ? _set(options, value) : options;
    }
}
