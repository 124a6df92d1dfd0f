using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Tests.Turbulence;

public class HufnagelValleyTests
{
    [Fact]
    public void Hv57_Ground_Value_Is_The_Sum_Of_Its_Two_Low_Terms()
    {
        Assert.Equal(1.0, HufnagelValley.Hv57.Cn2(0) / (1.7e-14 + 2.7e-16), 12);
    }

    [Fact]
    public void Hv57_Downlink_At_Zenith_Has_Fried_Parameter_19_3_cm_At_1550nm()
    {
        // Project reference check: HV5/7, 1550 nm, zenith, H = 20 km -> r0 ~ 19.3 cm (5 cm at 500 nm scaled by lambda^(6/5)).
        var geometry = LinkGeometry.SlantFromZenith(LinkKind.Downlink, 20, 0, 0);
        var r0 = FriedParameter.Metres(HufnagelValley.Hv57, 0, 1550e-9, geometry, WaveModel.Plane);
        Assert.InRange(r0, 0.188, 0.198);
    }

    [Fact]
    public void Spherical_Uplink_Fried_Parameter_Is_Much_Larger_Than_Downlink()
    {
        // Turbulence sits near the ground, far from the HAP receiver of an uplink.
        var up = FriedParameter.Metres(HufnagelValley.Hv57, 0, 1550e-9, LinkGeometry.SlantFromZenith(LinkKind.Uplink, 20, 0, 0), WaveModel.Spherical);
        var down = FriedParameter.Metres(HufnagelValley.Hv57, 0, 1550e-9, LinkGeometry.SlantFromZenith(LinkKind.Downlink, 20, 0, 0), WaveModel.Spherical);
        Assert.True(up > 5 * down, $"uplink r0 {up} m, downlink r0 {down} m");
    }

    [Fact]
    public void Fried_Parameter_Scales_As_Wavelength_To_The_Six_Fifths()
    {
        // r0 ~ lambda^(6/5) (k^2 inside the -3/5 power).
        var geometry = LinkGeometry.Horizontal(1, 0);
        var r1 = FriedParameter.Metres(HufnagelValley.Hv57, 1e-14, 500e-9, geometry, WaveModel.Plane);
        var r2 = FriedParameter.Metres(HufnagelValley.Hv57, 1e-14, 1000e-9, geometry, WaveModel.Plane);
        Assert.Equal(Math.Pow(2, 1.2), r2 / r1, 9);
    }

    [Fact]
    public void Horizontal_Spherical_Rytov_Is_0_5_Over_1_23_Of_Plane()
    {
        var plane = RytovVariance.Horizontal(1e-14, 1550e-9, 2000, WaveModel.Plane);
        var spherical = RytovVariance.Horizontal(1e-14, 1550e-9, 2000, WaveModel.Spherical);
        Assert.Equal(0.5 / 1.23, spherical / plane, 12);
    }

    [Fact]
    public void Slant_Integral_With_Uniform_Turbulence_Matches_The_Horizontal_Closed_Form()
    {
        // A profile with only the 2.7e-16 exp(-h/1500) term and a very large scale: approximate by a short path where
        // exp(-h/1500) ~ 1; the plane-wave integral 2.25 Int (L-z)^(5/6) = 1.227 L^(11/6) must match 1.23 Cn2 k^(7/6) L^(11/6).
        var profile = new HufnagelValley(0, 0);
        var geometry = LinkGeometry.SlantFromZenith(LinkKind.Downlink, 0.01, 0, 0);
        var slant = RytovVariance.Slant(profile, 1550e-9, geometry, WaveModel.Plane);
        var cn2 = profile.Cn2(5);
        var horizontal = RytovVariance.Horizontal(cn2, 1550e-9, 10, WaveModel.Plane);
        Assert.Equal(1.0, slant / horizontal, 2);
    }
}
