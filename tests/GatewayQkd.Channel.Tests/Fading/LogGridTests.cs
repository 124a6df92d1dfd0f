using GatewayQkd.Channel.Fading;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Tests.Fading;

public class LogGridTests
{
    [Theory]
    [InlineData(0.2)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    public void Gamma_Gamma_Grid_Has_Unit_Mean_And_The_Closed_Form_Second_Moment(double rytov)
    {
        // E[XY] = 1 and E[(XY)^2] = (1 + 1/alpha)(1 + 1/beta) exactly for independent unit-mean Gammas.
        var p = GammaGammaParameters.FromRytov(rytov, WaveModel.Plane);
        var grid = new FadingSpec(FadingModel.GammaGamma, p.Alpha, p.Beta, p.ScintillationIndex, double.PositiveInfinity).ToGrid();
        var (m1, m2) = Moments(grid);
        Assert.Equal(1.0, m1, 3);
        Assert.Equal((1 + (1 / p.Alpha)) * (1 + (1 / p.Beta)), m2, 2);
    }

    [Fact]
    public void Jitter_Grid_Has_The_Farid_Hranilovic_Mean()
    {
        const double g2 = 1.7;
        var grid = new FadingSpec(FadingModel.None, 0, 0, 0, g2).ToGrid();
        Assert.Equal(g2 / (1 + g2), Moments(grid).Mean, 3);
    }

    [Fact]
    public void Masses_Sum_To_One()
    {
        var grid = new FadingSpec(FadingModel.GammaGamma, 3, 2, (1 / 3.0) + 0.5 + (1 / 6.0), 2.0).ToGrid();
        Assert.Equal(1.0, grid.Masses.Sum(), 12);
    }

    private static (double Mean, double Second) Moments(LogGrid grid)
    {
        double m1 = 0, m2 = 0;
        for (var i = 0; i < grid.Count; i++)
        {
            var v = grid.Value(i);
            m1 += grid.Masses[i] * v;
            m2 += grid.Masses[i] * v * v;
        }

        return (m1, m2);
    }
}
