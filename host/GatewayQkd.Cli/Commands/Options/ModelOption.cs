using System.CommandLine;
using System.Globalization;

namespace GatewayQkd.Cli.Commands.Options;

/// <summary>
/// A command-line option that changes one property of a domain options record, applied only when given: absent, the
/// record keeps its documented default, which the help text shows (read from a default <typeparamref name="TModel"/>,
/// so `--help` always shows what the model uses). Declared once in a list; the list adds itself to the command,
/// applies itself in order and registers the parameters in the command's <see cref="OptionMap"/>.
/// </summary>
/// <typeparam name="TModel">The options record (e.g. LinkOptions).</typeparam>
public sealed class ModelOption<TModel>
    where TModel : new()
{
    private readonly Func<ParseResult, TModel, TModel> _apply;

    private ModelOption(Option option, string? parameter, Func<ParseResult, TModel, TModel> apply)
    {
        Option = option;
        Parameter = parameter;
        _apply = apply;
    }

    /// <summary>Gets the System.CommandLine option.</summary>
    public Option Option { get; }

    /// <summary>Gets the name of the model property the option sets (to name it in errors), or null for a word or flag option.</summary>
    public string? Parameter { get; }

    /// <summary>A number option setting <paramref name="parameter"/>; <paramref name="shown"/> reads the default the help text shows.</summary>
    public static ModelOption<TModel> Number(string name, string parameter, string description, Func<TModel, double, TModel> set, Func<TModel, string> shown)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(shown);
        var option = CliOption.Described<double?>(name, $"{description} [default: {shown(new TModel())}]");
        return new(option, parameter, (parse, model) => parse.GetValue(option) is { } value ? set(model, value) : model);
    }

    /// <summary>
    /// A typed option setting <paramref name="parameter"/>, whose default is the model's (read with <paramref name="get"/>
    /// from a default <typeparamref name="TModel"/>, so help shows it); applied only when given, so a preset's value stays
    /// unless the user overrides it.
    /// </summary>
    public static ModelOption<TModel> Value<TValue>(string name, string parameter, string description, Func<TModel, TValue> get, Func<TModel, TValue, TModel> set)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        var option = CliOption.Described(name, description, get(new TModel()));
        return new(option, parameter, (parse, model) => CliOption.IsGiven(parse, option) ? set(model, parse.GetValue(option)!) : model);
    }

    /// <summary>A word option whose words each set the model one way; <paramref name="defaultText"/> is what the model uses when it is not given.</summary>
    public static ModelOption<TModel> Choice(string name, string description, string defaultText, params (string Word, Func<TModel, TModel> Set)[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var byWord = choices.ToDictionary(c => c.Word, c => c.Set, StringComparer.Ordinal);
        var option = CliOption.Choice(name, $"{description} [default: {defaultText}]", [.. choices.Select(c => c.Word)]);
        return new(option, null, (parse, model) => parse.GetValue(option) is { } word ? byWord[word](model) : model);
    }

    /// <summary>A switch that sets the model one way when given.</summary>
    public static ModelOption<TModel> Flag(string name, string description, Func<TModel, TModel> set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var option = CliOption.Described<bool>(name, description);
        return new(option, null, (parse, model) => parse.GetValue(option) ? set(model) : model);
    }

    /// <summary>Adds short names ("-n"); returns this option.</summary>
    public ModelOption<TModel> Aliased(params string[] aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var alias in aliases)
        {
            Option.Aliases.Add(alias);
        }

        return this;
    }

    /// <summary>Adds the options to a command and records the parameter each sets in <paramref name="map"/>.</summary>
    public static void AddTo(IEnumerable<ModelOption<TModel>> options, Command command, OptionMap map)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(map);
        foreach (var option in options)
        {
            command.Options.Add(option.Option);
            if (option.Parameter is { } parameter)
            {
                map.Sets(option.Option, parameter);
            }
        }
    }

    /// <summary>The model with every option the user gave applied, in order.</summary>
    public static TModel ApplyAll(IEnumerable<ModelOption<TModel>> options, ParseResult parseResult, TModel model) =>
        options.Aggregate(model, (current, option) => option.Apply(parseResult, current));

    /// <summary>A number as help text shows it.</summary>
    public static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>The model with this option applied, if the user gave it.</summary>
    public TModel Apply(ParseResult parseResult, TModel model)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return _apply(parseResult, model);
    }
}
