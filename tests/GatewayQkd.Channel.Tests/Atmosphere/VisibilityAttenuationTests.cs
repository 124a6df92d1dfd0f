using GatewayQkd.Channel.Atmosphere;

namespace GatewayQkd.Channel.Tests.Atmosphere;

public class VisibilityAttenuationTests
{
    [Fact]
    public void Kim_Clear_Air_At_1550nm_Is_0_192_dB_Per_Km()
    {
        // Published check value (Kim et al. 2001; project reference s1): V = 23 km, 1550 nm -> 0.192 dB/km.
        Assert.Equal(0.192, VisibilityAttenuation.DbPerKm(1550, 23, VisibilityModel.Kim), 3);
    }

    [Fact]
    public void Kim_Dense_Fog_Is_Wavelength_Independent()
    {
        // Kim: q = 0 for V <= 0.5 km, so beta = 3.91 / V at every wavelength.
        Assert.Equal(3.91 / 0.2, VisibilityAttenuation.ExtinctionPerKm(1550, 0.2, VisibilityModel.Kim), 10);
        Assert.Equal(3.91 / 0.2, VisibilityAttenuation.ExtinctionPerKm(850, 0.2, VisibilityModel.Kim), 10);
    }

    [Fact]
    public void Extinction_At_550nm_Is_The_Koschmieder_Value()
    {
        // At the reference wavelength the (lambda/550)^-q factor is 1: beta = 3.91 / V (2 % contrast threshold).
        Assert.Equal(3.91 / 10, VisibilityAttenuation.ExtinctionPerKm(550, 10, VisibilityModel.Kruse), 12);
    }

    [Fact]
    public void Kruse_And_Kim_Differ_Only_Below_6_Km()
    {
        Assert.Equal(VisibilityAttenuation.Exponent(10, VisibilityModel.Kim), VisibilityAttenuation.Exponent(10, VisibilityModel.Kruse));
        Assert.NotEqual(VisibilityAttenuation.Exponent(2, VisibilityModel.Kim), VisibilityAttenuation.Exponent(2, VisibilityModel.Kruse));
    }

    [Fact]
    public void Rain_Attenuation_Is_Zero_When_Dry_And_Grows_Sublinearly()
    {
        Assert.Equal(0.0, RainAttenuation.DbPerKm(0));
        // Optical power law exponent 0.67 (Carbonneau et al. 1998): doubling the rain rate multiplies the attenuation by 2^0.67 = 1.591.
        Assert.Equal(1.591, RainAttenuation.DbPerKm(50) / RainAttenuation.DbPerKm(25), 3);
    }
}
