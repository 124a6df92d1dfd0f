using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;

namespace GatewayQkd.Channel.Tests.Link;

/// <summary>
/// No reported quantity may be infinite or NaN anywhere in wide sweeps of every link type (the clipped model gave
/// -log2(0) PLOB bounds whenever the beam fitted the aperture), and the key rate never exceeds the PLOB bound.
/// </summary>
public class FiniteOutputsTests
{
    public static TheoryData<string> Sweeps => ["horizontal", "downlink", "uplink", "weather", "optics"];

    [Theory]
    [MemberData(nameof(Sweeps))]
    public void Every_Output_Is_Finite_And_Below_The_Plob_Bound(string sweep)
    {
        foreach (var options in Cases(sweep))
        {
            var r = LinkModel.Evaluate(options);
            double[] values =
            [
                r.Budget.MeanChannelTransmittance, r.Budget.MeanChannelDb, r.Budget.MeanTotalDb, r.Budget.MeanPointingDb, r.Budget.GeometricDb,
                r.Budget.Fading.CollectedScintillationIndex, r.AtMean.KeyRatePerPulse, r.PlobAtMeanPerPulse, r.PlobFractionAtMean,
                r.Averaged.Gain, r.Averaged.Qber, r.Averaged.PlainQber, r.Averaged.SinglePhotonQber, r.Averaged.PlainSinglePhotonQber,
                r.Averaged.KeyRatePerPulse, r.Averaged.Block.KeyRatePerPulse, r.Averaged.OutageProbability, r.Averaged.PlobPerPulse,
                r.Averaged.PlobFraction, r.PlobFraction, r.KeyRateBitsPerSecond, r.ErgodicPlobBitsPerSecond,
            ];
            Assert.True(values.All(double.IsFinite), $"{Describe(options)}: {string.Join(", ", values)}");
            Assert.True(r.KeyRatePerPulse <= r.Averaged.PlobPerPulse, $"{Describe(options)}: SKR {r.KeyRatePerPulse} > PLOB {r.Averaged.PlobPerPulse}");
            Assert.True(r.Budget.MeanChannelTransmittance <= r.Budget.AtmosphericTransmittance, Describe(options));
        }
    }

    private static IEnumerable<LinkOptions> Cases(string sweep)
    {
        var distances = new[] { 0.05, 0.2, 1, 3, 10, 30 };
        var cn2 = new[] { 0.0, 1e-17, 1e-15, 1e-14, 1e-13, 1e-12, 1e-11 };
        var divergence = new[] { 1.0, 20, 200, 1000, 3000 };
        return sweep switch
        {
            "horizontal" => from d in distances from c in cn2 from t in divergence
                            select new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = d, HorizontalCn2 = c, DivergenceUrad = t },
            "downlink" => from d in new[] { 0.0, 20, 60, 120, 180 } from a in new[] { 0.0, 1e-15, 1.7e-14, 1e-13, 1e-12 } from j in new[] { 0.0, 2, 20 } from t in divergence
                          select new LinkOptions { Kind = LinkKind.Downlink, DistanceKm = d, GroundCn2 = a, JitterUrad = j, DivergenceUrad = t },
            "uplink" => from d in new[] { 0.0, 20, 60, 120, 180 } from a in new[] { 0.0, 1e-15, 1.7e-14, 1e-13, 1e-12 } from j in new[] { 0.0, 2, 50 } from t in divergence
                        select new LinkOptions { Kind = LinkKind.Uplink, DistanceKm = d, GroundCn2 = a, JitterUrad = j, DivergenceUrad = t },
            "weather" => from w in WeatherPresets.All from k in new[] { LinkKind.Horizontal, LinkKind.Downlink, LinkKind.Uplink } from d in new[] { 0.5, 5.0, 50 }
                         select new LinkOptions { Kind = k, DistanceKm = d }.With(w),
            _ => from a in new[] { 0.01, 0.3, 2.0 } from mu in new[] { 0.1, 0.8 } from pd in new[] { 0.0, 1e-6, 1e-3 } from n in new[] { 1, 64 }
                 select new LinkOptions { ApertureDiameterM = a, SplitRatio = n, Qkd = new() { SignalMeanPhotonNumber = mu, DecoyMeanPhotonNumber = mu / 10, DarkCountProbability = pd } },
        };
    }

    private static string Describe(LinkOptions o) =>
        $"{o.Kind} d={o.DistanceKm} cn2={o.HorizontalCn2} A={o.GroundCn2} jitter={o.JitterUrad} div={o.DivergenceUrad} V={o.VisibilityKm} R={o.RainRateMmPerHour} D={o.ApertureDiameterM}";
}
