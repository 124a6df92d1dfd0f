using GatewayQkd.Emulation.Options;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Emulation.Tests.Options;

/// <summary>The geography keys of a scenario file: the bundled outage scenario reads as written, and a bad file names the field.</summary>
public sealed class ScenarioGeographyTests : IDisposable
{
    private const string TwoSites = "gateways: 2\nsites:\n  - { gateway: 1, xKm: 10, yKm: 0 }\n  - { gateway: 2, distanceKm: 20, azimuthDeg: 90 }\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-geography-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_Bundled_Outage_Scenario_Reads_Its_Hap_Sites_And_Fog_Bank()
    {
        var options = ScenarioFile.Load(Path.Combine(RepositoryPaths.Root, "scenarios", "outage.yaml"));

        var g = options.Geography!;
        Assert.Equal(20, g.Hap.AltitudeKm);
        Assert.Equal(0.5, g.Hap.StationKeepingRadiusKm);
        Assert.Equal([1, 2, 3, 4], g.Sites.Select(s => (int)s.GatewayId));
        Assert.Equal(30, g.SiteOf(1)!.Position.DistanceTo(g.Hap.Nadir), 9);
        Assert.Equal(0.08, g.SiteOf(1)!.ApertureM);
        Assert.Equal([3, 4, 5], options.SecurityLevelsOf(4));
        Assert.Equal(3, options.RequestMeanIntervalOf(4));
        Assert.Equal(options.RequestMeanIntervalSeconds, options.RequestMeanIntervalOf(1));
        var fog = Assert.Single(g.WeatherEvents);
        Assert.Equal("dense-fog", fog.Preset);
        Assert.True(options.VirtualTime);
    }

    [Fact]
    public void A_Site_Given_By_Distance_And_Azimuth_Lies_That_Far_In_That_Direction_From_The_Nadir()
    {
        var options = Load("s.yaml", TwoSites + "hap: { nadir: { xKm: 5, yKm: 5 } }\n");

        var site = options.Geography!.SiteOf(2)!;
        Assert.Equal(25, site.Position.XKm, 9); // azimuth 90 = east
        Assert.Equal(5, site.Position.YKm, 9);
        Assert.Equal(new MapPoint(10, 0), options.Geography.SiteOf(1)!.Position);
    }

    [Fact]
    public void A_Scenario_Without_Geography_Keys_Has_None()
    {
        Assert.Null(Load("s.yaml", "gateways: 2\n").Geography);
    }

    [Theory]
    [InlineData(TwoSites + "hap: { altitudeKm: 80 }\n", ":5: hap.altitudeKm must be 15..50 km")]
    [InlineData("gateways: 1\nsites:\n  - { gateway: 1, xKm: 1, yKm: 0, apertureM: -1 }\n", ":2: sites[1].apertureM must be above 0")]
    [InlineData("gateways: 1\nsites:\n  - { gateway: 1, xKm: 1, yKm: 0, distanceKm: 3, azimuthDeg: 0 }\n", ":2: sites[1]: give the position as xKm and yKm, or as distanceKm and azimuthDeg")]
    [InlineData("gateways: 1\nsites:\n  - { gateway: 1, xKm: 1 }\n", ":2: sites[1] needs both xKm and yKm.")]
    [InlineData("gateways: 1\nsites:\n  - { gateway: 1, xKm: 1, yKm: 0, securityLevels: [0, 7] }\n", ":2: sites[1].securityLevels must be a non-empty list of K_sec levels 1..5, got [0, 7].")]
    [InlineData("gateways: 1\nsites:\n  - { gateway: 1, xKm: 1, yKm: 0, aperture: 0.1 }\n", ":3: unknown key 'aperture' in sites; expected one of gateway, xKm, yKm, distanceKm")]
    [InlineData(TwoSites + "weather:\n  events:\n    - { preset: thick-fog, startSeconds: 1, endSeconds: 2, from: { xKm: 0, yKm: 0 } }\n", ":5: weather.events[1].preset unknown weather 'thick-fog' (known: clear, haze, light-fog, dense-fog, light-rain, heavy-rain).")]
    [InlineData(TwoSites + "weather:\n  events:\n    - { startSeconds: 5, endSeconds: 2, from: { xKm: 0, yKm: 0 } }\n", ":5: weather.events[1].endSeconds must be after startSeconds (5), got 2.")]
    [InlineData(TwoSites + "weather:\n  events:\n    - { startSeconds: 1, endSeconds: 2 }\n", ":5: weather.events[1].from is missing")]
    [InlineData(TwoSites + "weather: { base: smog }\n", ":5: weather.base unknown weather 'smog'")]
    [InlineData("gateways: 3\nsites:\n  - { gateway: 1, xKm: 1, yKm: 0 }\n", ":2: sites: every emulated gateway 1..3 needs a site, missing 2, 3.")]
    [InlineData("gateways: 1\nsites:\n  - { gateway: 1, xKm: 1, yKm: 0 }\n  - { gateway: 1, xKm: 2, yKm: 0 }\n", ":2: sites: each gateway may have one site, got gateways 1, 1.")]
    public void A_Bad_Geography_Is_Refused_Naming_The_Field(string text, string expected)
    {
        var path = Path.Combine(_folder, "s.yaml");
        File.WriteAllText(path, text);

        var error = Assert.Throws<EmulationOptionsException>(() => ScenarioFile.Load(path));

        Assert.Contains(path + expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Bad_Geography_In_Json_Names_The_Field_Too()
    {
        var path = Path.Combine(_folder, "s.json");
        File.WriteAllText(path, "{\n \"gateways\": 1,\n \"sites\": [ { \"gateway\": 1, \"xKm\": 1, \"yKm\": 0, \"detectorEfficiency\": 2 } ]\n}");

        var error = Assert.Throws<EmulationOptionsException>(() => ScenarioFile.Load(path));

        Assert.Contains(path + ":3: sites[1].detectorEfficiency must be in (0, 1], got 2.", error.Message, StringComparison.Ordinal);
    }

    private EmulationOptions Load(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return ScenarioFile.Load(path);
    }
}
