using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Tests.Qkd;

public class DecoyBb84Tests
{
    [Fact]
    public void Gys_Infinite_Decoy_Reaches_About_142_Km_Of_Fibre()
    {
        // Lo, Ma, Chen, PRL 94, 230504 (2005), GYS parameters: eta_Bob = 4.5 %, 0.21 dB/km, mu = 0.48 -> about 142 km.
        var protocol = new DecoyBb84(QkdParameters.GobbyYuanShields);
        var maxKm = MaximumDistanceKm(protocol);
        Assert.InRange(maxKm, 139, 145);
    }

    [Fact]
    public void Vacuum_Weak_Decoy_Bounds_Are_Conservative_And_Tight_For_Small_Nu()
    {
        // Ma et al. 2005: Y1_L <= Y1 and e1_U >= e1, approaching them as nu -> 0.
        var infinite = new DecoyBb84(QkdParameters.GobbyYuanShields).Evaluate(1e-3);
        var weak = new DecoyBb84(QkdParameters.GobbyYuanShields with { Protocol = DecoyProtocol.VacuumWeakDecoy, DecoyMeanPhotonNumber = 0.01 }).Evaluate(1e-3);
        Assert.True(weak.SinglePhotonYield <= infinite.SinglePhotonYield * (1 + 1e-9));
        Assert.True(weak.SinglePhotonQber >= infinite.SinglePhotonQber - 1e-9);
        Assert.Equal(1.0, weak.KeyRatePerPulse / infinite.KeyRatePerPulse, 1);
    }

    [Fact]
    public void Without_Dark_Counts_The_Qber_Is_The_Misalignment_Error()
    {
        var protocol = new DecoyBb84(new QkdParameters { DarkCountProbability = 0, MisalignmentError = 0.02 });
        var point = protocol.Evaluate(1e-3);
        Assert.Equal(0.02, point.Qber, 12);
        Assert.Equal(0.02, point.SinglePhotonQber, 12);
    }

    [Fact]
    public void Dark_Counts_Dominate_At_Vanishing_Transmittance()
    {
        // Y0 only: every count is random, E -> e0 = 1/2, and the rate is zero.
        var point = new DecoyBb84(new QkdParameters()).Evaluate(1e-12);
        Assert.Equal(0.5, point.Qber, 3);
        Assert.Equal(0.0, point.KeyRatePerPulse);
    }

    [Fact]
    public void Key_Rate_Never_Exceeds_The_Plob_Bound()
    {
        var protocol = new DecoyBb84(new QkdParameters());
        for (var db = 0.0; db < 60; db += 2.5)
        {
            var eta = Math.Pow(10, -db / 10);
            Assert.True(protocol.Evaluate(eta).KeyRatePerPulse <= PlobBound.BitsPerUse(eta), $"at {db} dB");
        }
    }

    private static double MaximumDistanceKm(DecoyBb84 protocol)
    {
        double lo = 0, hi = 300;
        while (hi - lo > 0.01)
        {
            var mid = (lo + hi) / 2;
            var eta = 0.045 * Math.Pow(10, -0.021 * mid);
            if (protocol.Evaluate(eta).KeyRatePerPulse > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
