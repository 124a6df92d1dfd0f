using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Options;

/// <summary>
/// The one way every command declares an option, as System.CommandLine's own commands do: the option with its name,
/// description and default in one expression, and a parse-time check whose error names the option
/// ("--port must be within 0..65535, got 70000."). A command adds its options with <see cref="AddTo"/>; an option whose
/// value a domain library checks is registered in the command's <see cref="OptionMap"/> so that library's errors are
/// reported under the option's name.
/// </summary>
public static class CliOption
{
    /// <summary>An option with a description and no default (absent: the domain's default, or null).</summary>
    public static Option<T> Described<T>(string name, string description) =>
        new(name) { Description = description };

    /// <summary>An option with a description and a default value.</summary>
    public static Option<T> Described<T>(string name, string description, T defaultValue)
    {
        var option = Described<T>(name, description);
        option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    /// <summary>Adds short names ("-n") to an option; returns the option.</summary>
    public static Option<T> Aliased<T>(Option<T> option, params string[] aliases)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var alias in aliases)
        {
            option.Aliases.Add(alias);
        }

        return option;
    }

    /// <summary>A list option ("--x a b" or "--x a --x b") with a description and default values (none: empty).</summary>
    public static Option<T[]> List<T>(string name, string description, IEnumerable<T>? defaultValues = null)
    {
        var option = defaultValues is null ? Described<T[]>(name, description) : Described(name, description, defaultValues.ToArray());
        option.AllowMultipleArgumentsPerToken = true;
        return option;
    }

    /// <summary>A word-valued option restricted to <paramref name="words"/> (the help lists them; another word is a parse error).</summary>
    public static Option<string?> Choice(string name, string description, params string[] words)
    {
        var option = Described<string?>(name, description);
        option.AcceptOnlyFromAmong(words);
        return option;
    }

    /// <summary>An integer option limited to <paramref name="min"/>..<paramref name="max"/>; outside it is a parse error naming the option.</summary>
    public static Option<int> Bounded(string name, string description, int defaultValue, int min, int max) =>
        Checked(Described(name, description, defaultValue), value => value < min || value > max
            ? (max == int.MaxValue ? $"{name} must not be below {min}, got {value}." : $"{name} must be within {min}..{max}, got {value}.")
            : null);

    /// <summary>
    /// Adds a parse-time check: <paramref name="problem"/> returns the error for a bad value (it names the option) or
    /// null. A value that does not even convert (e.g. "--port https") is left to the parser's own conversion error.
    /// </summary>
    public static Option<T> Checked<T>(Option<T> option, Func<T, string?> problem)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(problem);
        option.Validators.Add(r =>
        {
            T value;
            try
            {
                value = r.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return;
            }

            if (problem(value) is { } error)
            {
                r.AddError(error);
            }
        });
        return option;
    }

    /// <summary>
    /// Adds a parse-time check that <paramref name="parse"/> accepts the text (each text, for a list); its
    /// <see cref="FormatException"/> becomes the error "NAME: message".
    /// </summary>
    public static Option<T> Parsed<T>(Option<T> option, Action<string> parse)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(parse);
        return Checked(option, value =>
        {
            string[] texts = value switch
            {
                string one => [one],
                IEnumerable<string> many => [.. many],
                _ => [],
            };
            foreach (var text in texts)
            {
                try
                {
                    parse(text);
                }
                catch (FormatException e)
                {
                    return $"{option.Name}: {e.Message}";
                }
            }

            return null;
        });
    }

    /// <summary>Adds the options to the command in order.</summary>
    public static void AddTo(Command command, params Option[] options)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether the user gave the option (a default value does not count).</summary>
    public static bool IsGiven(ParseResult parse, Option option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetResult(option) is { Implicit: false };
    }
}
