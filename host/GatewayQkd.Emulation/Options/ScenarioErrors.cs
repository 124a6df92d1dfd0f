using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace GatewayQkd.Emulation.Options;

/// <summary>
/// Turns what the JSON and YAML readers report about a scenario file into "file:line: key: what is wrong, expected
/// what" in the file's own terms (its keys, the value's kind), never a .NET type or assembly name.
/// </summary>
public static partial class ScenarioErrors
{
    private static readonly IReadOnlyDictionary<string, string> Expected = ExpectedKinds(typeof(ScenarioDocument));
    private static readonly IReadOnlyDictionary<string, string> ExpectedInBroker = ExpectedKinds(typeof(ScenarioBroker));

    // The nested mappings of the file, by the type name the readers mention and the key the user wrote.
    private static readonly (string Type, string Where, IReadOnlyDictionary<string, string> Keys)[] Nested =
    [
        (nameof(ScenarioBroker), "broker", ExpectedInBroker),
        (nameof(ScenarioHapDocument), "hap", ExpectedKinds(typeof(ScenarioHapDocument))),
        (nameof(ScenarioPointDocument), "a point", ExpectedKinds(typeof(ScenarioPointDocument))),
        (nameof(ScenarioSiteDocument), "sites", ExpectedKinds(typeof(ScenarioSiteDocument))),
        (nameof(ScenarioWeatherEventDocument), "weather.events", ExpectedKinds(typeof(ScenarioWeatherEventDocument))),
        (nameof(ScenarioWeatherDocument), "weather", ExpectedKinds(typeof(ScenarioWeatherDocument))),
    ];

    /// <summary>Gets the scenario's top-level keys in file order (camelCase).</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. Expected.Keys];

    /// <summary>Describes a YAML reader error in <paramref name="text"/> of file <paramref name="path"/>.</summary>
    public static string FromYaml(YamlException error, string text, string path)
    {
        ArgumentNullException.ThrowIfNull(error);
        var line = (int)error.Start.Line;
        var message = (error.InnerException ?? error).Message;
        if (UnknownYamlKey().Match(message) is { Success: true } unknown)
        {
            return Unknown(path, line, unknown.Groups[1].Value, message);
        }

        var (key, value) = KeyOnLine(text, line);
        return key is null
            ? $"{path}:{line}: not a scenario in YAML ({StripTypes(message)}); expected 'key: value' lines with the keys {string.Join(", ", Keys)}."
            : $"{path}:{line}: {key}: got '{value}', expected {ExpectedFor(key)}.";
    }

    /// <summary>Describes a JSON reader error of file <paramref name="path"/>.</summary>
    public static string FromJson(JsonException error, string text, string path)
    {
        ArgumentNullException.ThrowIfNull(error);
        var line = (int)(error.LineNumber ?? 0) + 1;
        if (UnknownJsonKey().Match(error.Message) is { Success: true } unknown)
        {
            var name = unknown.Groups[1].Value;
            return Unknown(path, LineOf(text, name) ?? line, name, error.Message);
        }

        var key = error.Path is { Length: > 2 } p ? p[2..].Split('.', '[')[^1] : null;
        if (key is not null && (Expected.ContainsKey(key) || Nested.Any(n => n.Keys.ContainsKey(key))))
        {
            return $"{path}:{line}: {key}: wrong or missing value, expected {ExpectedFor(key)}.";
        }

        return $"{path}:{line}: not valid JSON ({StripTypes(error.Message)}); expected one object {{ \"key\": value, ... }} with the keys {string.Join(", ", Keys)}.";
    }

    /// <summary>Prefixes a validation problem ("speed must be ...") with the file and the line of its key.</summary>
    public static string AtKey(string problem, string text, string path)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var key = problem.Split(' ', ':')[0];
        var topLevel = key.Split('.', '[')[0]; // "sites[2].apertureM": the line of the sites key
        return (LineOf(text, key) ?? LineOf(text, topLevel)) is { } line ? $"{path}:{line}: {problem}" : $"{path}: {problem}";
    }

    private static string Unknown(string path, int line, string key, string readerMessage)
    {
        foreach (var (type, where, keys) in Nested)
        {
            if (readerMessage.Contains(type, StringComparison.Ordinal))
            {
                return $"{path}:{line}: unknown key '{key}' in {where}; expected one of {string.Join(", ", keys.Keys)}.";
            }
        }

        return $"{path}:{line}: unknown key '{key}'; expected one of {string.Join(", ", Expected.Keys)}.";
    }

    private static string ExpectedFor(string key)
    {
        if (Expected.TryGetValue(key, out var kind))
        {
            return kind;
        }

        foreach (var (_, _, keys) in Nested)
        {
            if (keys.TryGetValue(key, out kind))
            {
                return kind;
            }
        }

        return "a value of the documented kind";
    }

    private static (string? Key, string Value) KeyOnLine(string text, int line)
    {
        var lines = text.Split('\n');
        for (var i = Math.Min(line, lines.Length) - 1; i >= 0; i--)
        {
            if (YamlKeyLine().Match(lines[i]) is { Success: true } m)
            {
                return (m.Groups[1].Value, m.Groups[2].Value.Trim());
            }
        }

        return (null, string.Empty);
    }

    private static int? LineOf(string text, string key)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart().TrimStart('{', ' ');
            if (trimmed.StartsWith(key + ":", StringComparison.Ordinal) || trimmed.StartsWith($"\"{key}\"", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    // Reader messages name CLR types ("System.Nullable`1[System.Int32]", assembly versions); the user wrote none.
    private static string StripTypes(string message) => ClrTypeName().Replace(message, "a value").Split(" Path:")[0].TrimEnd('.');

    private static Dictionary<string, string> ExpectedKinds(Type type)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            kinds[name] = t switch
            {
                _ when t == typeof(int) => "a whole number",
                _ when t == typeof(double) => "a number",
                _ when t == typeof(bool) => "true or false",
                _ when t == typeof(string) => "text",
                _ when t == typeof(List<int>) => "a list of whole numbers, e.g. [1, 2, 3]",
                _ when t == typeof(List<ushort>) => "a list of gateway ids 1..65535, e.g. [10, 11]",
                _ when t == typeof(ScenarioBroker) => "a mapping with host, port and optionally tls, caFile, insecure, username, passwordVariable",
                _ when t == typeof(ScenarioPointDocument) => "a point { xKm: number, yKm: number }",
                _ when t == typeof(ScenarioHapDocument) => "a mapping with altitudeKm, nadir, stationKeepingRadiusKm, stationKeepingPeriodSeconds, jitterUrad, vibrationCorrelationMs",
                _ when t == typeof(List<ScenarioSiteDocument>) => "a list of sites, each with gateway, xKm/yKm or distanceKm/azimuthDeg, and optionally groundAltitudeKm, apertureM, detectorEfficiency, securityLevels, requestMeanIntervalSeconds",
                _ when t == typeof(ScenarioWeatherDocument) => "a mapping with base (a weather preset) and events",
                _ when t == typeof(List<ScenarioWeatherEventDocument>) => "a list of events, each with name, preset, startSeconds, endSeconds, radiusKm, from, to",
                _ => "a value",
            };
        }

        return kinds;
    }

    [GeneratedRegex(@"Property '([^']+)' not found on type")]
    private static partial Regex UnknownYamlKey();

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownJsonKey();

    [GeneratedRegex(@"^\s*(?:-\s+)?([A-Za-z][A-Za-z0-9]*)\s*:(.*)$")]
    private static partial Regex YamlKeyLine();

    [GeneratedRegex(@"'?System\.[\w`.\[\], =]+'?")]
    private static partial Regex ClrTypeName();
}
