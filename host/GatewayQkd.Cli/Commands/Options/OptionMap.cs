using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Options;

/// <summary>
/// Which command-line option sets which domain parameter, for one command. The domain libraries check their inputs in
/// their own terms (a property such as DistanceKm, a scenario key such as sensorsPerGateway); the command registers each
/// option with the parameters it sets where it declares the option, and reports a domain error under the option's name
/// through this one map (docs/architecture.md, "Options").
/// </summary>
public sealed class OptionMap
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>Gets the map from domain parameter to option name (e.g. sensorsPerGateway -> --sensors).</summary>
    public IReadOnlyDictionary<string, string> Names => _names;

    /// <summary>Records that <paramref name="option"/> sets <paramref name="parameters"/>; returns the option.</summary>
    public TOption Sets<TOption>(TOption option, params string[] parameters)
        where TOption : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var parameter in parameters)
        {
            _names[parameter] = option.Name;
        }

        return option;
    }

    /// <summary>Records that an option named <paramref name="name"/> sets <paramref name="parameter"/>.</summary>
    public void Sets(string name, string parameter) => _names[parameter] = name;

    /// <summary>The option that sets <paramref name="parameter"/>; an option name or an unmapped parameter is returned as it is.</summary>
    public string NameOf(string? parameter, string fallback) =>
        parameter is null ? fallback : _names.TryGetValue(parameter, out var name) ? name : parameter;

    /// <summary>
    /// "OPTION: problem" for a domain <see cref="ArgumentException"/>. .NET appends " (Parameter 'name')" to the
    /// message and an <see cref="ArgumentOutOfRangeException"/> adds "Actual value was ..." on a new line
    /// (dotnet/runtime, src/libraries/System.Private.CoreLib/src/System/ArgumentException.cs, Message); the problem
    /// is the text before them.
    /// </summary>
    public string Describe(ArgumentException exception, string fallback)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message.Split('\n')[0];
        var suffix = exception.ParamName is { } parameter ? $" (Parameter '{parameter}')" : null;
        if (suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }

        return $"{NameOf(exception.ParamName, fallback)}: {message}";
    }
}
