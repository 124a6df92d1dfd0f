namespace GatewayQkd.Emulation.Options;

/// <summary>The geography keys of a scenario file (docs/emulation.md s4b); every field optional, defaults as <see cref="ScenarioGeography"/>.</summary>
public sealed class ScenarioHapDocument
{
    /// <summary>Gets or sets the HAP altitude in km.</summary>
    public double? AltitudeKm { get; set; }

    /// <summary>Gets or sets the nominal nadir on the map.</summary>
    public ScenarioPointDocument? Nadir { get; set; }

    /// <summary>Gets or sets the station-keeping drift radius in km.</summary>
    public double? StationKeepingRadiusKm { get; set; }

    /// <summary>Gets or sets the station-keeping period in seconds.</summary>
    public double? StationKeepingPeriodSeconds { get; set; }

    /// <summary>Gets or sets the terminal's rms jitter per axis in microradians.</summary>
    public double? JitterUrad { get; set; }

    /// <summary>Gets or sets the vibration correlation time in milliseconds.</summary>
    public double? VibrationCorrelationMs { get; set; }
}

/// <summary>A point of the scenario file: xKm and yKm.</summary>
public sealed class ScenarioPointDocument
{
    /// <summary>Gets or sets the east coordinate in km.</summary>
    public double? XKm { get; set; }

    /// <summary>Gets or sets the north coordinate in km.</summary>
    public double? YKm { get; set; }
}

/// <summary>A gateway site of the scenario file: position (xKm/yKm, or distanceKm/azimuthDeg from the HAP's nominal nadir), terminal, traffic.</summary>
public sealed class ScenarioSiteDocument
{
    /// <summary>Gets or sets the gateway id.</summary>
    public int? Gateway { get; set; }

    /// <summary>Gets or sets the east coordinate in km.</summary>
    public double? XKm { get; set; }

    /// <summary>Gets or sets the north coordinate in km.</summary>
    public double? YKm { get; set; }

    /// <summary>Gets or sets the ground distance from the HAP's nominal nadir in km.</summary>
    public double? DistanceKm { get; set; }

    /// <summary>Gets or sets the azimuth from the nadir, degrees clockwise from north.</summary>
    public double? AzimuthDeg { get; set; }

    /// <summary>Gets or sets the terminal's ground altitude in km.</summary>
    public double? GroundAltitudeKm { get; set; }

    /// <summary>Gets or sets the receiver aperture diameter in m.</summary>
    public double? ApertureM { get; set; }

    /// <summary>Gets or sets the detector efficiency (0-1).</summary>
    public double? DetectorEfficiency { get; set; }

    /// <summary>Gets or sets the K_sec levels of this gateway's sensors.</summary>
    public List<int>? SecurityLevels { get; set; }

    /// <summary>Gets or sets this gateway's sensors' mean request interval in emulated seconds.</summary>
    public double? RequestMeanIntervalSeconds { get; set; }
}

/// <summary>The weather of the scenario file: the base preset and the events.</summary>
public sealed class ScenarioWeatherDocument
{
    /// <summary>Gets or sets the preset where no event is.</summary>
    public string? Base { get; set; }

    /// <summary>Gets or sets the events.</summary>
    public List<ScenarioWeatherEventDocument>? Events { get; set; }
}

/// <summary>A weather event of the scenario file.</summary>
public sealed class ScenarioWeatherEventDocument
{
    /// <summary>Gets or sets the event's name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the weather preset inside the event.</summary>
    public string? Preset { get; set; }

    /// <summary>Gets or sets the start in emulated seconds.</summary>
    public double? StartSeconds { get; set; }

    /// <summary>Gets or sets the end in emulated seconds.</summary>
    public double? EndSeconds { get; set; }

    /// <summary>Gets or sets the radius in km.</summary>
    public double? RadiusKm { get; set; }

    /// <summary>Gets or sets the centre at the start.</summary>
    public ScenarioPointDocument? From { get; set; }

    /// <summary>Gets or sets the centre at the end (default: the start's, a stationary event).</summary>
    public ScenarioPointDocument? To { get; set; }
}
