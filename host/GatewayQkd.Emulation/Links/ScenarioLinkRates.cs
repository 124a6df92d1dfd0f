using System.Globalization;
using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.TimeSeries;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Links;

/// <summary>
/// Link rates from a scenario's geography (docs/emulation.md s4b): each gateway's HAP-GN downlink is the channel
/// model's link for its ground distance from the HAP's nadir at that moment (station keeping moves the nadir), its
/// terminal (aperture, detector efficiency), the HAP's altitude and jitter, and the weather preset over its site at
/// that moment; the CS-HAP uplink likewise for the central server's site. Each link follows the channel's fading and
/// pointing time series (<see cref="LinkProcess"/>, one seed per link): a change of weather or distance swaps the link
/// budget under the same random stream, so the fading stays continuous while the mean steps. As in
/// <see cref="ChannelLinkRates"/> the relayed CS-GN key cannot outrun either link: R_i(t) = min(R_down,i(t), R_up(t) / terminals).
/// </summary>
public sealed class ScenarioLinkRates : IGatewayLinkRates
{
    /// <summary>The ground-distance grid (km) on which link budgets are computed as the HAP drifts: 100 m changes the slant range by at most 100 m.</summary>
    public const double DistanceStepKm = 0.1;

    private const int CentralServerLink = 0;

    private readonly ScenarioGeography _geography;
    private readonly int _terminals;
    private readonly int _seed;
    private readonly TimeSeriesOptions _series;
    private readonly Dictionary<(int Link, string Preset, long Bin), LinkProcess> _processes = [];
    private readonly object _sync = new();

    /// <summary>Creates the rates of a scenario with a geography.</summary>
    public ScenarioLinkRates(EmulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _geography = options.Geography ?? throw new ArgumentException("The scenario has no geography.", nameof(options));
        _terminals = options.HapTerminals;
        _seed = options.Seed;
        _series = new TimeSeriesOptions { Seed = options.Seed, StepMs = ChannelLinkRates.StepMilliseconds, VibrationCorrelationTimeMs = _geography.Hap.VibrationCorrelationMs };
    }

    /// <inheritdoc />
    public string Description
    {
        get
        {
            var nadir = _geography.Hap.Nadir;
            var distances = _geography.Sites.Select(s => s.Position.DistanceTo(nadir)).ToArray();
            return string.Create(
                CultureInfo.InvariantCulture,
                $"channel model, scenario geography: HAP at {_geography.Hap.AltitudeKm:0.#} km, {_geography.Sites.Count} sites {(distances.Length == 0 ? 0 : distances.Min()):0.#}-{(distances.Length == 0 ? 0 : distances.Max()):0.#} km from the nadir, weather {_geography.BaseWeather} with {_geography.WeatherEvents.Count} events, trusted relay");
        }
    }

    /// <summary>Returns the channel-model options of gateway <paramref name="gatewayId"/>'s downlink at a time (geometry, terminal, weather).</summary>
    public LinkOptions DownlinkOptions(ushort gatewayId, double emulatedSeconds)
    {
        var site = _geography.SiteOf(gatewayId) ?? throw new ArgumentOutOfRangeException(nameof(gatewayId), gatewayId, "This gateway has no site in the scenario.");
        return Downlink(site, GroundDistanceKm(site.Position, emulatedSeconds)).With(WeatherPresets.Get(_geography.WeatherAt(site.Position, emulatedSeconds)));
    }

    /// <summary>Returns the ground distance (km) of a place from the HAP's nadir at a time.</summary>
    public double GroundDistanceKm(MapPoint place, double emulatedSeconds) => place.DistanceTo(_geography.Hap.NadirAt(emulatedSeconds));

    /// <inheritdoc />
    public LinkCondition At(ushort gatewayId, double emulatedSeconds)
    {
        var site = _geography.SiteOf(gatewayId) ?? throw new ArgumentOutOfRangeException(nameof(gatewayId), gatewayId, "This gateway has no site in the scenario.");
        lock (_sync)
        {
            var down = Sample(gatewayId, site.Position, emulatedSeconds, d => Downlink(site, d));
            var up = Sample(CentralServerLink, _geography.CentralServer, emulatedSeconds, Uplink);
            return new LinkCondition(TrustedRelay.KeyRate(down.KeyRateBitsPerSecond, up.KeyRateBitsPerSecond / _terminals), down.Qber);
        }
    }

    private LinkSample Sample(int link, MapPoint place, double seconds, Func<double, LinkOptions> options)
    {
        var preset = _geography.WeatherAt(place, seconds);
        var bin = (long)Math.Round(GroundDistanceKm(place, seconds) / DistanceStepKm);
        if (!_processes.TryGetValue((link, preset, bin), out var process))
        {
            var budget = LinkBudgetCalculator.Compute(options(bin * DistanceStepKm).With(WeatherPresets.Get(preset)));
            process = new LinkProcess(budget, _series, 1.0, unchecked((_seed * 7_368_787) + (link * 104_729) + 3));
            _processes[(link, preset, bin)] = process;
        }

        return process.At(seconds);
    }

    private LinkOptions Downlink(GatewaySite site, double groundDistanceKm) => new()
    {
        Kind = LinkKind.Downlink,
        DistanceKm = groundDistanceKm,
        HapAltitudeKm = _geography.Hap.AltitudeKm,
        GroundAltitudeKm = site.GroundAltitudeKm,
        ApertureDiameterM = site.ApertureM,
        DetectorEfficiency = site.DetectorEfficiency,
        JitterUrad = _geography.Hap.JitterUrad,
    };

    private LinkOptions Uplink(double groundDistanceKm) => new()
    {
        Kind = LinkKind.Uplink,
        DistanceKm = groundDistanceKm,
        HapAltitudeKm = _geography.Hap.AltitudeKm,
        JitterUrad = _geography.Hap.JitterUrad,
    };
}
