using GatewayQkd.Channel.Beam;

namespace GatewayQkd.Channel.Tests.Beam;

public class PointingErrorTests
{
    [Fact]
    public void Small_Aperture_Collects_2a2_Over_w2()
    {
        // Gaussian beam on an aperture much smaller than the beam: A0 -> 2 a^2 / w^2 (power density at the centre x area).
        var model = new PointingError(beamRadiusM: 10, apertureRadiusM: 0.01, jitterM: 0);
        Assert.Equal(2 * 0.01 * 0.01 / 100, model.CollectedFraction, 9);
    }

    [Fact]
    public void Large_Aperture_Collects_Everything()
    {
        var model = new PointingError(beamRadiusM: 0.01, apertureRadiusM: 1, jitterM: 0);
        Assert.Equal(1.0, model.CollectedFraction, 9);
    }

    [Fact]
    public void Rayleigh_Displacements_Give_The_Closed_Form_Mean()
    {
        // Farid and Hranilovic: E[h_p] = A0 g^2 / (1 + g^2). Sample r ~ Rayleigh(sigma_s) independently of the model's own
        // sampler; tolerance 5 standard errors.
        var model = new PointingError(beamRadiusM: 1.0, apertureRadiusM: 0.15, jitterM: 0.4);
        var random = new Random(5);
        const int n = 200_000;
        double sum = 0, sum2 = 0;
        for (var i = 0; i < n; i++)
        {
            var r = 0.4 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var h = model.Collected(r);
            sum += h;
            sum2 += h * h;
        }

        var mean = sum / n;
        var se = Math.Sqrt(((sum2 / n) - (mean * mean)) / n);
        var expected = model.CollectedFraction * model.MeanJitterFactor;
        Assert.InRange(mean, expected - (5 * se), expected + (5 * se));
    }

    [Fact]
    public void Beam_Grows_Linearly_In_The_Far_Field()
    {
        // w(z) ~ theta z when z >> z_R.
        var w = GaussianBeam.RadiusM(1550e-9, 20e-6, 100_000);
        Assert.Equal(2.0, w, 3);
    }
}
