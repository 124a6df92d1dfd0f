namespace GatewayQkd.Emulation.Options;

/// <summary>
/// Where a scenario happens (docs/emulation.md s4b): the HAP (nadir position, altitude, station-keeping drift and
/// vibration), the central server's ground terminal, each gateway's site, terminal and traffic, and the weather over
/// time. With a geography every link's key rate comes from the channel model for that geometry and weather
/// (<see cref="Links.ScenarioLinkRates"/>). Positions are in km on a local flat map (x east, y north), origin anywhere;
/// distances from the nadir are ground (arc) distances, as the channel model's <c>DistanceKm</c>.
/// </summary>
public sealed record ScenarioGeography
{
    /// <summary>Gets the HAP.</summary>
    public ScenarioHap Hap { get; init; } = new();

    /// <summary>Gets the central server's ground terminal (the CS-HAP uplink); default at the HAP's nominal nadir.</summary>
    public MapPoint CentralServer { get; init; } = new(0, 0);

    /// <summary>Gets the sites of the emulated gateways, by id (every emulated gateway 1..N needs one).</summary>
    public IReadOnlyList<GatewaySite> Sites { get; init; } = [];

    /// <summary>Gets the weather everywhere when no event covers a place (a preset name of GatewayQkd.Channel's WeatherPresets).</summary>
    public string BaseWeather { get; init; } = "clear";

    /// <summary>Gets the weather events (fog banks, rain cells) in the order given; a later event wins where two overlap.</summary>
    public IReadOnlyList<WeatherEvent> WeatherEvents { get; init; } = [];

    /// <summary>Returns the weather preset name at a place and time: the last event covering it, else <see cref="BaseWeather"/>.</summary>
    public string WeatherAt(MapPoint place, double seconds)
    {
        for (var i = WeatherEvents.Count - 1; i >= 0; i--)
        {
            if (WeatherEvents[i].Covers(place, seconds))
            {
                return WeatherEvents[i].Preset;
            }
        }

        return BaseWeather;
    }

    /// <summary>Returns the site of a gateway, or null.</summary>
    public GatewaySite? SiteOf(ushort gatewayId) => Sites.FirstOrDefault(s => s.GatewayId == gatewayId);
}

/// <summary>A point on the scenario's flat map, in km (x east, y north).</summary>
/// <param name="XKm">East coordinate in km.</param>
/// <param name="YKm">North coordinate in km.</param>
public readonly record struct MapPoint(double XKm, double YKm)
{
    /// <summary>Returns the distance to another point in km.</summary>
    public double DistanceTo(MapPoint other) => Math.Sqrt(((XKm - other.XKm) * (XKm - other.XKm)) + ((YKm - other.YKm) * (YKm - other.YKm)));

    /// <summary>The point a distance away in a compass direction (azimuth clockwise from north, degrees).</summary>
    public MapPoint Offset(double distanceKm, double azimuthDeg)
    {
        var a = azimuthDeg * Math.PI / 180;
        return new MapPoint(XKm + (distanceKm * Math.Sin(a)), YKm + (distanceKm * Math.Cos(a)));
    }

    /// <summary>Linear interpolation: <paramref name="from"/> at 0, <paramref name="to"/> at 1.</summary>
    public static MapPoint Lerp(MapPoint from, MapPoint to, double fraction) =>
        new(from.XKm + ((to.XKm - from.XKm) * fraction), from.YKm + ((to.YKm - from.YKm) * fraction));
}

/// <summary>
/// The HAP: nominal nadir, altitude, station keeping and vibration. Station keeping is modelled as a circular drift of
/// the nadir around its nominal point (radius, period) [modelling choice: the simplest bounded drift; the scenario
/// gives radius and period] and vibration as the terminal's angular jitter with its correlation time, which the
/// channel model's pointing term and time series use (LinkOptions.JitterUrad, TimeSeriesOptions.VibrationCorrelationTimeMs).
/// </summary>
public sealed record ScenarioHap
{
    /// <summary>Gets the nominal nadir on the map.</summary>
    public MapPoint Nadir { get; init; } = new(0, 0);

    /// <summary>Gets the altitude in km (the channel model's default is 20).</summary>
    public double AltitudeKm { get; init; } = 20;

    /// <summary>Gets the radius of the station-keeping drift of the nadir in km (0 = a fixed HAP).</summary>
    public double StationKeepingRadiusKm { get; init; }

    /// <summary>Gets the period of one station-keeping circle in seconds.</summary>
    public double StationKeepingPeriodSeconds { get; init; } = 600;

    /// <summary>Gets the rms angular jitter per axis of the HAP terminal in microradians (channel default 2).</summary>
    public double JitterUrad { get; init; } = 2;

    /// <summary>Gets the correlation time of the vibration in milliseconds (channel time-series default 100).</summary>
    public double VibrationCorrelationMs { get; init; } = 100;

    /// <summary>Returns the nadir at an emulated time: the nominal point plus the drift.</summary>
    public MapPoint NadirAt(double seconds)
    {
        if (StationKeepingRadiusKm <= 0)
        {
            return Nadir;
        }

        var phase = 2 * Math.PI * seconds / StationKeepingPeriodSeconds;
        return new MapPoint(Nadir.XKm + (StationKeepingRadiusKm * Math.Cos(phase)), Nadir.YKm + (StationKeepingRadiusKm * Math.Sin(phase)));
    }
}

/// <summary>A gateway's site: where it is, its optical terminal and its sensors' traffic.</summary>
public sealed record GatewaySite
{
    /// <summary>Gets the gateway id.</summary>
    public ushort GatewayId { get; init; }

    /// <summary>Gets the position on the map.</summary>
    public MapPoint Position { get; init; }

    /// <summary>Gets the ground altitude of the terminal in km.</summary>
    public double GroundAltitudeKm { get; init; }

    /// <summary>Gets the receiver aperture diameter in m (channel default 0.3).</summary>
    public double ApertureM { get; init; } = 0.3;

    /// <summary>Gets the single-photon detector efficiency (channel default 0.15).</summary>
    public double DetectorEfficiency { get; init; } = 0.15;

    /// <summary>Gets the K_sec levels this gateway's sensors draw from (uniformly; repeat a level to weight it), or null for the scenario's.</summary>
    public IReadOnlyList<int>? SecurityLevels { get; init; }

    /// <summary>Gets this gateway's sensors' mean request interval in emulated seconds, or null for the scenario's.</summary>
    public double? RequestMeanIntervalSeconds { get; init; }
}

/// <summary>
/// A weather event: a disc of the given radius whose centre moves in a straight line from <see cref="From"/> (at
/// <see cref="StartSeconds"/>) to <see cref="To"/> (at <see cref="EndSeconds"/>); a place inside the disc has the
/// event's weather preset while the event lasts. A stationary event has From = To.
/// </summary>
public sealed record WeatherEvent
{
    /// <summary>Gets the event's name (shown in the report), e.g. "fog bank".</summary>
    public string Name { get; init; } = "weather event";

    /// <summary>Gets the weather preset inside the disc (GatewayQkd.Channel WeatherPresets: clear, haze, light-fog, dense-fog, light-rain, heavy-rain).</summary>
    public string Preset { get; init; } = "dense-fog";

    /// <summary>Gets when the event begins, in emulated seconds.</summary>
    public double StartSeconds { get; init; }

    /// <summary>Gets when the event ends, in emulated seconds.</summary>
    public double EndSeconds { get; init; }

    /// <summary>Gets the disc's radius in km.</summary>
    public double RadiusKm { get; init; } = 10;

    /// <summary>Gets the centre at the start.</summary>
    public MapPoint From { get; init; }

    /// <summary>Gets the centre at the end.</summary>
    public MapPoint To { get; init; }

    /// <summary>Returns whether the event covers a point at a time (start inclusive, end exclusive).</summary>
    public bool Covers(MapPoint point, double seconds)
    {
        if (seconds < StartSeconds || seconds >= EndSeconds)
        {
            return false;
        }

        var fraction = EndSeconds > StartSeconds ? (seconds - StartSeconds) / (EndSeconds - StartSeconds) : 0;
        return MapPoint.Lerp(From, To, fraction).DistanceTo(point) <= RadiusKm;
    }
}
