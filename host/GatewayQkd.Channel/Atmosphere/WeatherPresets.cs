namespace GatewayQkd.Channel.Atmosphere;

/// <summary>
/// The named weather conditions. Visibilities and rain rates are classes of the International Visibility Code as
/// tabulated by Kim, McArthur and Korevaar (Proc. SPIE 4214, 2001, Table 1): very clear 20-50 km, haze 2.8-4 km, light fog
/// 0.77-1 km, dense fog 0-50 m, light rain 2.5 mm/h, heavy rain 25 mm/h. In rain the visibility stays that of clear air,
/// because the rain's own extinction (<see cref="RainAttenuation"/>) is what lowers the visibility in the code's rain rows:
/// 1.076 x 25^0.67 dB/km is a Koschmieder visibility of 1.8 km, the code's 1.9-2 km for heavy rain (test).
/// </summary>
public static class WeatherPresets
{
    private const string Code = "International Visibility Code (Kim et al., Proc. SPIE 4214, 2001, Table 1)";

    /// <summary>Gets every preset.</summary>
    public static IReadOnlyList<WeatherPreset> All { get; } =
    [
        new("clear", 23, 0, 0.3, Code + ": very clear, 20-50 km; 23 km is Kim's check value"),
        new("haze", 4, 0, 0.3, Code + ": haze, 2.8-4 km"),
        new("light-fog", 0.8, 0, 0.3, Code + ": light fog, 0.77-1 km; fog layer 0.3 km (radiation fog, Gultepe et al. 2007)"),
        new("dense-fog", 0.05, 0, 0.3, Code + ": dense fog, 0-50 m; fog layer 0.3 km (radiation fog, Gultepe et al. 2007)"),
        new("light-rain", 23, 2.5, 0.3, Code + ": light rain, 2.5 mm/h"),
        new("heavy-rain", 23, 25, 0.3, Code + ": heavy rain, 25 mm/h"),
    ];

    /// <summary>Gets the preset names in order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>The preset with this name; throws naming the known ones otherwise.</summary>
    public static WeatherPreset Get(string name) =>
        TryGet(name, out var preset)
            ? preset
            : throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown weather '{name}' (known: {string.Join(", ", Names)}).");

    /// <summary>Looks a preset up by name (ordinal, case-insensitive).</summary>
    public static bool TryGet(string? name, out WeatherPreset preset)
    {
        preset = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return preset is not null;
    }
}
