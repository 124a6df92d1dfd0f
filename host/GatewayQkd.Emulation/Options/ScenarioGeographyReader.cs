using System.Globalization;
using GatewayQkd.Channel.Atmosphere;

namespace GatewayQkd.Emulation.Options;

/// <summary>
/// Turns the geography keys of a scenario file into a <see cref="ScenarioGeography"/>, naming the field of every
/// problem as the file spells it (e.g. "sites[2].apertureM", "weather.events[1].preset"). Ranges are checked here
/// too, so a bad file fails before anything runs.
/// </summary>
public static class ScenarioGeographyReader
{
    /// <summary>The largest HAP coverage radius accepted for a site or event position, in km (a HAP at 20 km sees the horizon at about 500 km).</summary>
    public const double MaxMapKm = 1000;

    /// <summary>Returns the geography, or null when the document gives none of hap, centralServer, sites, weather; throws <see cref="EmulationOptionsException"/> listing every problem.</summary>
    public static ScenarioGeography? Read(ScenarioDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Hap is null && document.CentralServer is null && document.Sites is null && document.Weather is null)
        {
            return null;
        }

        var problems = new List<string>();
        var hap = ReadHap(document.Hap, problems);
        var sites = new List<GatewaySite>();
        for (var i = 0; i < (document.Sites?.Count ?? 0); i++)
        {
            sites.Add(ReadSite(document.Sites![i], $"sites[{i + 1}]", hap.Nadir, problems));
        }

        var ids = sites.Select(s => s.GatewayId).ToList();
        if (ids.Distinct().Count() != ids.Count)
        {
            problems.Add($"sites: each gateway may have one site, got gateways {string.Join(", ", ids)}.");
        }

        var weather = document.Weather;
        var basePreset = weather?.Base ?? "clear";
        CheckPreset(basePreset, "weather.base", problems);
        var events = new List<WeatherEvent>();
        for (var i = 0; i < (weather?.Events?.Count ?? 0); i++)
        {
            events.Add(ReadEvent(weather!.Events![i], $"weather.events[{i + 1}]", problems));
        }

        var geography = new ScenarioGeography
        {
            Hap = hap,
            CentralServer = document.CentralServer is null ? hap.Nadir : ReadPoint(document.CentralServer, "centralServer", problems),
            Sites = sites,
            BaseWeather = basePreset,
            WeatherEvents = events,
        };
        if (problems.Count > 0)
        {
            throw new EmulationOptionsException(problems);
        }

        return geography;
    }

    /// <summary>Returns the problems of a geography against the run's gateways (each emulated gateway 1..N needs a site).</summary>
    public static IReadOnlyList<string> Check(ScenarioGeography geography, int gateways)
    {
        ArgumentNullException.ThrowIfNull(geography);
        var problems = new List<string>();
        var missing = Enumerable.Range(1, gateways).Where(id => geography.SiteOf((ushort)id) is null).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"sites: every emulated gateway 1..{gateways} needs a site, missing {string.Join(", ", missing)}.");
        }

        var extra = geography.Sites.Where(s => s.GatewayId < 1 || s.GatewayId > gateways).Select(s => s.GatewayId).ToList();
        if (extra.Count > 0)
        {
            problems.Add($"sites: gateway ids must be the emulated ones 1..{gateways}, got {string.Join(", ", extra)}.");
        }

        return problems;
    }

    private static ScenarioHap ReadHap(ScenarioHapDocument? d, List<string> problems)
    {
        var hap = new ScenarioHap();
        if (d is null)
        {
            return hap;
        }

        hap = hap with
        {
            AltitudeKm = d.AltitudeKm ?? hap.AltitudeKm,
            Nadir = d.Nadir is null ? hap.Nadir : ReadPoint(d.Nadir, "hap.nadir", problems),
            StationKeepingRadiusKm = d.StationKeepingRadiusKm ?? hap.StationKeepingRadiusKm,
            StationKeepingPeriodSeconds = d.StationKeepingPeriodSeconds ?? hap.StationKeepingPeriodSeconds,
            JitterUrad = d.JitterUrad ?? hap.JitterUrad,
            VibrationCorrelationMs = d.VibrationCorrelationMs ?? hap.VibrationCorrelationMs,
        };
        Check(hap.AltitudeKm is >= 15 and <= 50, "hap.altitudeKm", $"must be 15..50 km (the stratosphere a HAP flies in), got {S(hap.AltitudeKm)}.", problems);
        Check(hap.StationKeepingRadiusKm is >= 0 and <= 50, "hap.stationKeepingRadiusKm", $"must be 0..50 km, got {S(hap.StationKeepingRadiusKm)}.", problems);
        Check(hap.StationKeepingPeriodSeconds > 0 && double.IsFinite(hap.StationKeepingPeriodSeconds), "hap.stationKeepingPeriodSeconds", $"must be above 0 s, got {S(hap.StationKeepingPeriodSeconds)}.", problems);
        Check(hap.JitterUrad is >= 0 and <= 1000, "hap.jitterUrad", $"must be 0..1000 urad, got {S(hap.JitterUrad)}.", problems);
        Check(hap.VibrationCorrelationMs is > 0 and <= 60_000, "hap.vibrationCorrelationMs", $"must be above 0 and at most 60000 ms, got {S(hap.VibrationCorrelationMs)}.", problems);
        return hap;
    }

    private static GatewaySite ReadSite(ScenarioSiteDocument d, string at, MapPoint nadir, List<string> problems)
    {
        var site = new GatewaySite();
        var byPoint = d.XKm is not null || d.YKm is not null;
        var byPolar = d.DistanceKm is not null || d.AzimuthDeg is not null;
        var position = nadir;
        if (byPoint == byPolar)
        {
            problems.Add($"{at}: give the position as xKm and yKm, or as distanceKm and azimuthDeg from the HAP's nadir (one of the two).");
        }
        else if (byPoint)
        {
            Check(d.XKm is not null && d.YKm is not null, at, "needs both xKm and yKm.", problems);
            position = ReadPoint(new ScenarioPointDocument { XKm = d.XKm ?? 0, YKm = d.YKm ?? 0 }, at, problems);
        }
        else
        {
            Check(d.DistanceKm is not null && d.AzimuthDeg is not null, at, "needs both distanceKm and azimuthDeg.", problems);
            Check(d.DistanceKm is null or (>= 0 and <= MaxMapKm), $"{at}.distanceKm", $"must be 0..{MaxMapKm} km, got {S(d.DistanceKm ?? 0)}.", problems);
            Check(d.AzimuthDeg is null || double.IsFinite(d.AzimuthDeg.Value), $"{at}.azimuthDeg", "must be a finite number of degrees.", problems);
            position = nadir.Offset(d.DistanceKm ?? 0, d.AzimuthDeg ?? 0);
        }

        site = site with
        {
            GatewayId = (ushort)Math.Clamp(d.Gateway ?? 0, 0, ushort.MaxValue),
            Position = position,
            GroundAltitudeKm = d.GroundAltitudeKm ?? site.GroundAltitudeKm,
            ApertureM = d.ApertureM ?? site.ApertureM,
            DetectorEfficiency = d.DetectorEfficiency ?? site.DetectorEfficiency,
            SecurityLevels = d.SecurityLevels,
            RequestMeanIntervalSeconds = d.RequestMeanIntervalSeconds,
        };
        Check(d.Gateway is >= 1 and <= ushort.MaxValue, $"{at}.gateway", $"must be a gateway id 1..65535, got {(d.Gateway is { } g ? g.ToString(CultureInfo.InvariantCulture) : "none")}.", problems);
        Check(site.GroundAltitudeKm is >= 0 and <= 9, $"{at}.groundAltitudeKm", $"must be 0..9 km, got {S(site.GroundAltitudeKm)}.", problems);
        Check(site.ApertureM is > 0 and <= 5, $"{at}.apertureM", $"must be above 0 and at most 5 m, got {S(site.ApertureM)}.", problems);
        Check(site.DetectorEfficiency is > 0 and <= 1, $"{at}.detectorEfficiency", $"must be in (0, 1], got {S(site.DetectorEfficiency)}.", problems);
        Check(site.SecurityLevels is null || (site.SecurityLevels.Count > 0 && site.SecurityLevels.All(l => l is >= 1 and <= 5)), $"{at}.securityLevels", $"must be a non-empty list of K_sec levels 1..5, got [{string.Join(", ", site.SecurityLevels ?? [])}].", problems);
        Check(site.RequestMeanIntervalSeconds is null || (site.RequestMeanIntervalSeconds > 0 && double.IsFinite(site.RequestMeanIntervalSeconds.Value)), $"{at}.requestMeanIntervalSeconds", $"must be above 0 s, got {S(site.RequestMeanIntervalSeconds ?? 0)}.", problems);
        return site;
    }

    private static WeatherEvent ReadEvent(ScenarioWeatherEventDocument d, string at, List<string> problems)
    {
        var e = new WeatherEvent();
        var from = d.From is null ? (MapPoint?)null : ReadPoint(d.From, $"{at}.from", problems);
        Check(from is not null, $"{at}.from", "is missing: give the centre at the start as { xKm, yKm }.", problems);
        Check(d.StartSeconds is not null && d.EndSeconds is not null, at, "needs startSeconds and endSeconds.", problems);
        e = e with
        {
            Name = d.Name ?? e.Name,
            Preset = d.Preset ?? e.Preset,
            StartSeconds = d.StartSeconds ?? 0,
            EndSeconds = d.EndSeconds ?? 0,
            RadiusKm = d.RadiusKm ?? e.RadiusKm,
            From = from ?? default,
            To = d.To is null ? from ?? default : ReadPoint(d.To, $"{at}.to", problems),
        };
        CheckPreset(e.Preset, $"{at}.preset", problems);
        Check(e.StartSeconds >= 0 && double.IsFinite(e.StartSeconds), $"{at}.startSeconds", $"must be 0 or more, got {S(e.StartSeconds)}.", problems);
        Check(e.EndSeconds > e.StartSeconds && double.IsFinite(e.EndSeconds), $"{at}.endSeconds", $"must be after startSeconds ({S(e.StartSeconds)}), got {S(e.EndSeconds)}.", problems);
        Check(e.RadiusKm is > 0 and <= MaxMapKm, $"{at}.radiusKm", $"must be above 0 and at most {MaxMapKm} km, got {S(e.RadiusKm)}.", problems);
        return e;
    }

    private static MapPoint ReadPoint(ScenarioPointDocument d, string at, List<string> problems)
    {
        Check(d.XKm is not null && d.YKm is not null, at, "needs both xKm and yKm.", problems);
        var p = new MapPoint(d.XKm ?? 0, d.YKm ?? 0);
        Check(Math.Abs(p.XKm) <= MaxMapKm && Math.Abs(p.YKm) <= MaxMapKm, at, $"xKm and yKm must be within +-{MaxMapKm} km, got ({S(p.XKm)}, {S(p.YKm)}).", problems);
        return p;
    }

    private static void CheckPreset(string name, string at, List<string> problems) =>
        Check(WeatherPresets.TryGet(name, out _), at, $"unknown weather '{name}' (known: {string.Join(", ", WeatherPresets.Names)}).", problems);

    private static void Check(bool ok, string at, string problem, List<string> problems)
    {
        if (!ok)
        {
            problems.Add($"{at} {problem}");
        }
    }

    private static string S(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
