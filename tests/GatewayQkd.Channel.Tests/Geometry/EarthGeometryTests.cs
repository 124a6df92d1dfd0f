using GatewayQkd.Channel.Geometry;

namespace GatewayQkd.Channel.Tests.Geometry;

public class EarthGeometryTests
{
    [Fact]
    public void Nadir_Slant_Range_Is_The_Altitude_Difference()
    {
        var geometry = LinkGeometry.SlantFromGroundDistance(LinkKind.Downlink, 20, 0.5, 0);
        Assert.Equal(19.5, geometry.PathLengthKm, 9);
        Assert.Equal(90.0, geometry.ElevationDeg, 6);
    }

    [Fact]
    public void Slant_Range_At_60_Degrees_Zenith_Is_Near_The_Flat_Earth_Value()
    {
        // Flat Earth: H sec(60 deg) = 40 km; curvature shortens the path slightly (by tens of metres at 20 km).
        var range = EarthGeometry.SlantRangeKm(20, 0, Math.PI / 3);
        Assert.InRange(range, 39.8, 40.0);
    }

    [Fact]
    public void Ground_Distance_And_Zenith_Agree_With_The_Law_Of_Cosines()
    {
        // Independent check: chord geometry in the Earth-centred plane.
        var geometry = LinkGeometry.SlantFromGroundDistance(LinkKind.Downlink, 20, 0, 100);
        var phi = 100 / EarthGeometry.EarthRadiusKm;
        var ra = EarthGeometry.EarthRadiusKm + 20;
        var rg = EarthGeometry.EarthRadiusKm;
        var expected = Math.Sqrt((ra * ra) + (rg * rg) - (2 * ra * rg * Math.Cos(phi)));
        Assert.Equal(expected, geometry.PathLengthKm, 9);
    }

    [Fact]
    public void Rejects_A_Ground_Node_Beyond_The_Horizon()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EarthGeometry.ZenithFromGroundDistance(20, 0, 600));
        Assert.Equal("groundDistanceKm", error.ParamName);
    }
}
