using System.CommandLine;
using GatewayQkd.Channel.Link;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>A word-valued command-line option whose words each set <see cref="LinkOptions"/> one way; applied only when given.</summary>
public sealed class ChoiceOption
{
    private readonly IReadOnlyDictionary<string, Func<LinkOptions, LinkOptions>> _choices;

    /// <summary>Creates the option from its words and what each does; defaultText is what the model uses when it is not given.</summary>
    public ChoiceOption(string name, string description, string defaultText, params (string Word, Func<LinkOptions, LinkOptions> Set)[] choices)
    {
        _choices = choices.ToDictionary(c => c.Word, c => c.Set, StringComparer.Ordinal);
        Option = CliChoice.Create(name, $"{description} [default: {defaultText}]", [.. choices.Select(c => c.Word)]);
    }

    /// <summary>Gets the System.CommandLine option.</summary>
    public Option<string?> Option { get; }

    /// <summary>The options with the chosen word applied, if the user gave one.</summary>
    public LinkOptions Apply(ParseResult parseResult, LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(Option) is { } word ? _choices[word](options) : options;
    }
}
