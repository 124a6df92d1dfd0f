namespace GatewayQkd.Channel.Atmosphere;

/// <summary>
/// A named weather condition: ground visibility, rain rate and fog-layer thickness, with where the numbers come from.
/// Apply it to link options with <see cref="Link.WeatherPresetExtensions.With"/>.
/// </summary>
/// <param name="Name">The preset name (clear, haze, light-fog, dense-fog, light-rain, heavy-rain).</param>
/// <param name="VisibilityKm">Ground visibility in km.</param>
/// <param name="RainRateMmPerHour">Rain rate in mm/h.</param>
/// <param name="FogLayerKm">Fog-layer thickness in km (used when the visibility is below 1 km).</param>
/// <param name="Source">Where the values come from.</param>
public sealed record WeatherPreset(string Name, double VisibilityKm, double RainRateMmPerHour, double FogLayerKm, string Source);
