using GatewayQkd.Core.Scheduling;
using GatewayQkd.Simulation.Engine;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>The replenishment weight table gives exactly the core's est(K) at K_sec 0 (DDKA eq. (5)) for every size.</summary>
public sealed class ReplenishmentWeightsTests
{
    [Theory]
    [InlineData(0.5, 5120L)]
    [InlineData(0.0, 5120L)]
    [InlineData(1.0, 100L)]
    public void Weight_Equals_The_Core_Estimate_At_Plaintext_Inside_And_Beyond_The_Table(double w, long capacity)
    {
        var weights = new ReplenishmentWeights(w, capacity);
        long[] sizes = [1, 2, 7, 2047, 2048, capacity - 1, capacity, capacity + 1, ReplenishmentWeights.MaxTabulated + 5, int.MaxValue];
        for (int pass = 0; pass < 2; pass++)
        {
            // The second pass reads what the first one stored.
            foreach (long bits in sizes)
            {
                Assert.Equal(ResponseWeight.Estimate((int)bits, SecurityLevel.Plaintext, w), weights.Of(bits));
            }
        }
    }

    [Fact]
    public void Sizes_Beyond_Int_Range_Weigh_As_The_Largest_Int()
    {
        var weights = new ReplenishmentWeights(0.5, 5120);
        Assert.Equal(ResponseWeight.Estimate(int.MaxValue, SecurityLevel.Plaintext, 0.5), weights.Of(long.MaxValue));
    }
}
