using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Kms;

/// <summary>
/// The one way the `kms` commands declare their options (a described option with a default, a repeatable list, a
/// bounded number), so every option gets a description and a range error that names it.
/// </summary>
internal static class KmsOptions
{
    /// <summary>Default certificate folder of `kms certs --out` and `kms --certs`.</summary>
    public const string DefaultCertificateFolder = "certs";

    /// <summary>An option with a description and a default value.</summary>
    public static Option<T> Described<T>(string name, string description, T defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    /// <summary>A list option ("--x a b" or "--x a --x b") with a description and default values.</summary>
    public static Option<T[]> List<T>(string name, string description, IEnumerable<T> defaultValues)
    {
        var option = Described(name, description, defaultValues.ToArray());
        option.AllowMultipleArgumentsPerToken = true;
        return option;
    }

    /// <summary>An integer option limited to <paramref name="min"/>..<paramref name="max"/>; outside it is a parse error naming the option.</summary>
    public static Option<int> Bounded(string name, string description, int defaultValue, int min, int max) =>
        Checked(Described(name, description, defaultValue), value => value < min || value > max
            ? (max == int.MaxValue ? $"{name} must not be below {min}, got {value}." : $"{name} must be within {min}..{max}, got {value}.")
            : null);

    /// <summary>
    /// Adds a parse-time check: <paramref name="problem"/> returns the error for a bad value (it should name the option)
    /// or null. A value that does not even convert (e.g. "--port https") is left to the parser's own conversion error.
    /// </summary>
    public static Option<T> Checked<T>(Option<T> option, Func<T, string?> problem)
    {
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

    /// <summary>Adds the options to the command in order.</summary>
    public static void AddTo(Command command, params Option[] options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }
}
