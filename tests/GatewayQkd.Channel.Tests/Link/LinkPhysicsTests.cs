using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Qkd;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Tests.Link;

public class LinkPhysicsTests
{
    [Fact]
    public void Ground_Launched_Beams_Use_The_Spherical_Wave_And_Downlinks_The_Plane_Wave()
    {
        Assert.Equal(WaveModel.Spherical, new LinkOptions { Kind = LinkKind.Uplink }.EffectiveWave);
        Assert.Equal(WaveModel.Spherical, new LinkOptions { Kind = LinkKind.Horizontal }.EffectiveWave);
        Assert.Equal(WaveModel.Plane, new LinkOptions { Kind = LinkKind.Downlink }.EffectiveWave);
    }

    [Fact]
    public void Zenith_Uplink_Rytov_Variance_Is_The_Spherical_Wave_Value()
    {
        // HV5/7, 1550 nm, 20 km: the spherical-wave uplink integral weighs the ground layer by (h/H)^(5/6), so it is ~20x
        // below the plane-wave value (0.042 vs 0.946 as reported in issue 13 for the flat-layer integrals).
        var uplink = LinkBudgetCalculator.Compute(new LinkOptions { Kind = LinkKind.Uplink, DistanceKm = 0 });
        var plane = LinkBudgetCalculator.Compute(new LinkOptions { Kind = LinkKind.Uplink, DistanceKm = 0, Wave = WaveModel.Plane });
        Assert.InRange(uplink.RytovVariance, 0.040, 0.044);
        Assert.InRange(plane.RytovVariance, 0.90, 0.99);
    }

    [Fact]
    public void Uplink_Beam_Wander_Grows_With_Turbulence_And_Downlinks_Have_None()
    {
        var weak = LinkBudgetCalculator.Compute(new LinkOptions { Kind = LinkKind.Uplink, GroundCn2 = 1e-15, JitterUrad = 0 });
        var strong = LinkBudgetCalculator.Compute(new LinkOptions { Kind = LinkKind.Uplink, GroundCn2 = 1e-13, JitterUrad = 0 });
        Assert.True(strong.BeamWanderM > 2 * weak.BeamWanderM, $"{weak.BeamWanderM} -> {strong.BeamWanderM}");
        Assert.True(strong.MeanPointingDb > weak.MeanPointingDb);
        Assert.Equal(0.0, LinkBudgetCalculator.Compute(new LinkOptions { Kind = LinkKind.Downlink, GroundCn2 = 1e-13 }).BeamWanderM);
    }

    [Fact]
    public void Hap_Vibration_Tilts_The_Uplink_Receiver_Instead_Of_Moving_The_Beam()
    {
        // Uplink: g_rx^2 = (FOV / 2 sigma_theta)^2 = (50 / 20)^2 = 6.25, loss -10 log10(6.25 / 7.25) = 0.645 dB; the beam itself
        // only wanders (weakly, with the ground term of the profile off).
        var uplink = LinkBudgetCalculator.Compute(new LinkOptions { Kind = LinkKind.Uplink, GroundCn2 = 0, JitterUrad = 10, ReceiverFieldOfViewUrad = 50 });
        var still = LinkBudgetCalculator.Compute(new LinkOptions { Kind = LinkKind.Uplink, GroundCn2 = 0, JitterUrad = 0 });
        Assert.Equal(-10 * Math.Log10(6.25 / 7.25), uplink.MeanPointingDb - still.MeanPointingDb, 6);
        Assert.Equal(still.Pointing.GSquared, uplink.Pointing.GSquared);
    }

    [Fact]
    public void Slant_Links_Below_Five_Degrees_Elevation_Are_Refused_Naming_The_Distance()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LinkModel.Evaluate(new LinkOptions { DistanceKm = 240 }));
        Assert.Equal(nameof(LinkOptions.DistanceKm), e.ParamName);
        Assert.Contains("elevation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Curved_Layer_Path_At_Low_Elevation_Is_Shorter_Than_The_Flat_Sec_Zenith_Path()
    {
        // A 4 km layer seen at 5 degrees elevation: flat 4 / sin(5 deg) = 45.9 km; the spherical shell gives ~ 37 km.
        var geometry = LinkGeometry.SlantFromZenith(LinkKind.Downlink, 20, 0, 85 * Math.PI / 180);
        var curved = AtmosphericPath.LayerPathKm(geometry, 4);
        Assert.InRange(curved, 30, 45);
        Assert.Equal(4.0, AtmosphericPath.LayerPathKm(LinkGeometry.SlantFromZenith(LinkKind.Downlink, 20, 0, 0), 4), 9);
    }

    [Fact]
    public void Fog_On_A_Slant_Path_Fills_Only_The_Fog_Layer()
    {
        // V = 0.5 km at 1550 nm (q = 0): 3.91/0.5 x 4.343 = 34.0 dB/km over the 0.3 km fog layer at zenith = 10.2 dB, plus
        // clear air (0.192 dB/km) over the remaining 3.7 km of the boundary layer; the old 4 km fog layer gave 136 dB.
        var report = LinkBudgetCalculator.Compute(new LinkOptions { DistanceKm = 0, VisibilityKm = 0.5 });
        Assert.Equal((34.0 * 0.3) + (0.1921 * 3.7), report.AerosolDb, 1);
    }

    [Fact]
    public void Weather_Presets_Set_Visibility_Rain_And_Fog_Layer()
    {
        var heavy = new LinkOptions().With(WeatherPresets.Get("heavy-rain"));
        Assert.Equal(25, heavy.RainRateMmPerHour);
        Assert.Equal(23, heavy.VisibilityKm);
        Assert.Equal(["clear", "haze", "light-fog", "dense-fog", "light-rain", "heavy-rain"], WeatherPresets.Names);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => WeatherPresets.Get("drizzle"));
        Assert.Contains("clear", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Worse_Weather_Means_Less_Key_On_A_Horizontal_Link()
    {
        // Along the ground every preset fills the whole path. (On slant paths a 0.3 km fog layer can cost less than haze
        // spread through the 4 km boundary layer.)
        var rates = WeatherPresets.All.ToDictionary(w => w.Name, w => LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 0.5 }.With(w)).KeyRatePerPulse);
        Assert.True(rates["clear"] > rates["haze"] && rates["haze"] > rates["light-fog"] && rates["light-fog"] > rates["dense-fog"]);
        Assert.True(rates["clear"] > rates["light-rain"] && rates["light-rain"] > rates["heavy-rain"]);
    }

    [Fact]
    public void Block_Distillation_Rate_Falls_With_Turbulence()
    {
        // Issue 13: per-state distillation let the ergodic rate rise with turbulence; block statistics average first.
        double Rate(double cn2) => LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 5, DivergenceUrad = 1000, HorizontalCn2 = cn2 }).KeyRatePerPulse;
        Assert.True(Rate(1e-15) > Rate(1e-14) && Rate(1e-14) > Rate(1e-13), $"{Rate(1e-15)} {Rate(1e-14)} {Rate(1e-13)}");
    }

    [Fact]
    public void Without_Fading_Block_And_Per_State_Rates_Are_The_Rate_At_The_Mean()
    {
        var options = new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 2, HorizontalCn2 = 0, JitterUrad = 0 };
        var block = LinkModel.Evaluate(options);
        var perState = LinkModel.Evaluate(options with { Qkd = options.Qkd with { Distillation = KeyDistillation.PerState } });
        Assert.Equal(block.AtMean.KeyRatePerPulse, block.KeyRatePerPulse, 15);
        Assert.Equal(block.AtMean.KeyRatePerPulse, perState.KeyRatePerPulse, 15);
    }

    [Fact]
    public void Aperture_Averaging_Lowers_Scintillation_And_Vanishes_For_A_Point_Receiver()
    {
        var point = GammaGammaParameters.FromRytov(1.0, WaveModel.Plane);
        Assert.Equal(point, GammaGammaParameters.ApertureAveraged(1.0, WaveModel.Plane, 0));
        var indices = new[] { 0.1, 1, 10, 100 }.Select(d2 => GammaGammaParameters.ApertureAveraged(1.0, WaveModel.Plane, d2).ScintillationIndex).ToArray();
        Assert.True(indices.Zip(indices.Skip(1)).All(p => p.Second < p.First) && indices[0] < point.ScintillationIndex, string.Join(", ", indices));
    }
}
