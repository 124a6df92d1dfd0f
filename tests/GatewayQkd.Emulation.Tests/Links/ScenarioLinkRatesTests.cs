using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Link;
using GatewayQkd.Emulation.Links;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Scenario;

namespace GatewayQkd.Emulation.Tests.Links;

/// <summary>A scenario's geography gives each link the channel model's rate for its geometry, terminal and weather, over time.</summary>
public sealed class ScenarioLinkRatesTests
{
    [Fact]
    public void A_Site_30_Km_From_The_Nadir_Of_A_Hap_At_20_Km_Has_The_Hand_Computed_Slant_Range()
    {
        var rates = new ScenarioLinkRates(Options(Site(1, 30, 0)));

        var budget = LinkBudgetCalculator.Compute(rates.DownlinkOptions(1, 0));

        // Law of cosines on a sphere of R = 6371 km: L^2 = (R + H)^2 + R^2 - 2 R (R + H) cos(d / R), H = 20 km, d = 30 km
        // gives L = 36.0946 km (sqrt(30^2 + 20^2) = 36.056 km on a flat Earth).
        Assert.Equal(36.0946, budget.Geometry.PathLengthKm, 3);
    }

    [Fact]
    public void The_Downlink_Carries_The_Sites_Terminal_And_The_Haps_Altitude_And_Jitter()
    {
        var options = Options(Site(1, 30, 0) with { ApertureM = 0.08, DetectorEfficiency = 0.25, GroundAltitudeKm = 0.4 });
        options = options with { Geography = options.Geography! with { Hap = options.Geography.Hap with { AltitudeKm = 22, JitterUrad = 5 } } };

        var link = new ScenarioLinkRates(options).DownlinkOptions(1, 0);

        Assert.Equal((0.08, 0.25, 0.4, 22.0, 5.0, 30.0), (link.ApertureDiameterM, link.DetectorEfficiency, link.GroundAltitudeKm, link.HapAltitudeKm, link.JitterUrad, link.DistanceKm));
        Assert.Equal(WeatherPresets.Get("clear").VisibilityKm, link.VisibilityKm);
    }

    [Fact]
    public void The_Rate_Over_Time_Averages_To_The_Channel_Models_Ergodic_Rate_For_That_Geometry()
    {
        var options = Options(Site(1, 30, 0) with { ApertureM = 0.08 }) with { HapTerminals = 1 };
        var rates = new ScenarioLinkRates(options);
        var downlink = LinkModel.Evaluate(rates.DownlinkOptions(1, 0));
        var uplink = LinkModel.Evaluate(new LinkOptions { Kind = Channel.Geometry.LinkKind.Uplink, DistanceKm = 0 });
        Assert.True(uplink.ErgodicKeyRateBitsPerSecond > 3 * downlink.ErgodicKeyRateBitsPerSecond, "the uplink must not be the bottleneck here");

        var samples = Enumerable.Range(0, 2400).Select(i => rates.At(1, i * 0.05).KeyRateBitsPerSecond).ToArray();

        // 120 s of a series whose pointing part decorrelates in 100 ms: about 1200 independent draws of a fading with
        // scintillation index ~0.25, so the mean is within a few per cent of the ensemble (ergodic) mean.
        Assert.Equal(downlink.ErgodicKeyRateBitsPerSecond, samples.Average(), downlink.ErgodicKeyRateBitsPerSecond * 0.06);
        Assert.True(samples.Max() > samples.Min() * 1.2, "the rate must follow the fading time series, not stay constant");
    }

    [Fact]
    public void Station_Keeping_Moves_The_Nadir_So_The_Ground_Distance_Swings_By_Twice_The_Radius()
    {
        var options = Options(Site(1, 30, 0));
        options = options with { Geography = options.Geography! with { Hap = options.Geography.Hap with { StationKeepingRadiusKm = 2, StationKeepingPeriodSeconds = 100 } } };
        var rates = new ScenarioLinkRates(options);
        var site = options.Geography.SiteOf(1)!.Position;

        Assert.Equal(28, rates.GroundDistanceKm(site, 0), 9); // nadir at (2, 0)
        Assert.Equal(32, rates.GroundDistanceKm(site, 50), 9); // half a period later at (-2, 0)
        Assert.Equal(32, rates.DownlinkOptions(1, 50).DistanceKm, 9);
        Assert.True(rates.At(1, 0).KeyRateBitsPerSecond > 0);
    }

    [Fact]
    public void A_Fog_Bank_Cuts_The_Link_Of_The_Gateway_It_Covers_Exactly_While_It_Covers_It()
    {
        // A disc of 10 km radius moving from (0, 40) to (0, -40) between 100 s and 300 s: its centre passes y = 10 at
        // t = 175 s and y = -10 at t = 225 s, so it covers gateway 1 at the nadir (0, 0) during [175, 225) and never
        // gateway 2 at (50, 0) nor the central server at (-50, 0), whose uplink every relayed key needs.
        var fog = new WeatherEvent { Name = "fog", Preset = "dense-fog", StartSeconds = 100, EndSeconds = 300, RadiusKm = 10, From = new(0, 40), To = new(0, -40) };
        var clear = Options(Site(1, 0, 0) with { ApertureM = 0.08 }, Site(2, 50, 0) with { ApertureM = 0.3 });
        clear = clear with { Geography = clear.Geography! with { CentralServer = new MapPoint(-50, 0) } };
        var foggy = clear with { Geography = clear.Geography! with { WeatherEvents = [fog] } };
        var withFog = new ScenarioLinkRates(foggy);
        var withoutFog = new ScenarioLinkRates(clear);

        foreach (var t in new[] { 50.0, 174.9, 225.1, 299.0 })
        {
            Assert.Equal(withoutFog.At(1, t).KeyRateBitsPerSecond, withFog.At(1, t).KeyRateBitsPerSecond, 9);
            Assert.True(withFog.At(1, t).KeyRateBitsPerSecond > 0, $"gateway 1 at {t} s");
        }

        foreach (var t in new[] { 175.1, 200.0, 224.9 })
        {
            Assert.Equal(0, withFog.At(1, t).KeyRateBitsPerSecond);
            Assert.Equal("dense-fog", foggy.Geography.WeatherAt(new MapPoint(0, 0), t));
        }

        foreach (var t in new[] { 50.0, 175.1, 200.0, 224.9, 299.0 })
        {
            Assert.Equal(withoutFog.At(2, t).KeyRateBitsPerSecond, withFog.At(2, t).KeyRateBitsPerSecond, 9);
        }
    }

    [Fact]
    public void Fog_Over_The_Central_Server_Cuts_Every_Gateway_Because_Each_Key_Is_Relayed_Over_Its_Uplink()
    {
        var fog = new WeatherEvent { Preset = "dense-fog", StartSeconds = 10, EndSeconds = 20, RadiusKm = 5, From = new(0, 0), To = new(0, 0) };
        var options = Options(Site(1, 30, 0), Site(2, -30, 0));
        var rates = new ScenarioLinkRates(options with { Geography = options.Geography! with { WeatherEvents = [fog] } });

        Assert.True(rates.At(1, 5).KeyRateBitsPerSecond > 0 && rates.At(2, 5).KeyRateBitsPerSecond > 0);
        Assert.Equal((0.0, 0.0), (rates.At(1, 15).KeyRateBitsPerSecond, rates.At(2, 15).KeyRateBitsPerSecond));
    }

    [Fact]
    public void The_Phases_Put_The_Outage_Where_The_Fog_Covers_A_Gateway()
    {
        var fog = new WeatherEvent { Preset = "dense-fog", StartSeconds = 100, EndSeconds = 300, RadiusKm = 10, From = new(0, 40), To = new(0, -40) };
        var options = Options(Site(1, 0, 0), Site(2, 50, 0));
        var geography = options.Geography! with { WeatherEvents = [fog] };

        var phases = ScenarioPhases.Of(geography, 2, 400);

        var (start, end) = Assert.Single(phases.Outages[1]);
        Assert.Equal(175, start, 0.11);
        Assert.Equal(225, end, 0.11);
        Assert.False(phases.Outages.ContainsKey(2));
        Assert.Equal(["before", "during", "after"], phases.Intervals().Select(i => i.Name));
        Assert.Equal("during", phases.PhaseOf(200));
        Assert.Equal("after", phases.PhaseOf(226));
    }

    private static GatewaySite Site(ushort id, double x, double y) => new() { GatewayId = id, Position = new MapPoint(x, y) };

    private static EmulationOptions Options(params GatewaySite[] sites) => new()
    {
        Gateways = sites.Length,
        Seed = 3,
        Geography = new ScenarioGeography { Sites = sites },
    };
}
