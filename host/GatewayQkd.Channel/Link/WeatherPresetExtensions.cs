using GatewayQkd.Channel.Atmosphere;

namespace GatewayQkd.Channel.Link;

/// <summary>Applies a <see cref="WeatherPreset"/> to link options.</summary>
public static class WeatherPresetExtensions
{
    /// <summary>The options with the preset's visibility, rain rate and fog layer.</summary>
    public static LinkOptions With(this LinkOptions options, WeatherPreset weather)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(weather);
        return options with { VisibilityKm = weather.VisibilityKm, RainRateMmPerHour = weather.RainRateMmPerHour, FogLayerKm = weather.FogLayerKm };
    }
}
