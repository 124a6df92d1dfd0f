using GatewayQkd.Core.Scheduling;
using Xunit;

namespace GatewayQkd.Core.Tests.Scheduling;

/// <summary>Low/high threshold supplement (DDKA eqs. (6)-(7)) and on-demand supplement (s3.3 case 2).</summary>
public sealed class SupplementPolicyTests
{
    // The paper's pool: capacity 5120 bits; thresholds chosen as 1280 (low) and 2560 (high).
    private readonly SupplementPolicy _policy = new(5120, 1280, 2560, 0.5);

    [Fact]
    public void Below_Low_Threshold_Asks_Up_To_High_Threshold()
    {
        SupplementRequest? request = _policy.Decide(3, 0, 17, 4000, 1000, 0, 0, 0);
        Assert.NotNull(request);
        Assert.Equal(SupplementReason.BelowLowThreshold, request.Reason);
        Assert.Equal(2560 - 1000, request.RequestedBits);
        Assert.Equal(1000, request.PoolLevelBits);
        Assert.Equal(3, request.GatewayId);
        Assert.Equal(17, request.SequenceNumber);
        Assert.Equal(4000, request.ArrivalTime);
    }

    [Fact]
    public void Replenishment_Is_Weighed_By_Its_Size_At_Level_Zero()
    {
        // est = 0.5 ln 1560 + 0.5 ln 10 = 0.5 ln 15600, 15600 = 2^4 * 3 * 5^2 * 13; table values of ln 2, 3, 5, 13.
        double ln15600 = (4 * 0.693147180559945) + 1.09861228866811 + (2 * 1.6094379124341) + 2.56494935746154;
        SupplementRequest request = _policy.Decide(3, 0, 1, 0, 1000, 0, 0, 0)!;
        Assert.Equal(0.5 * ln15600, request.Weight, 10);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(2000)]
    [InlineData(5120)]
    public void At_Or_Above_Low_Threshold_With_Enough_Keys_Asks_Nothing(long level)
    {
        Assert.Null(_policy.Decide(1, 0, 1, 0, level, level, 0, 0));
        Assert.Equal(0, _policy.RequiredBits(level, 0));
    }

    [Fact]
    public void Demand_Beyond_Level_Asks_For_The_Demand_On_Demand()
    {
        SupplementRequest request = _policy.Decide(1, 0, 1, 0, 3000, 3500, 2048, 4)!;
        Assert.Equal(SupplementReason.InsufficientKeys, request.Reason);
        Assert.Equal(500, request.RequestedBits);
        Assert.Equal(3500, request.PendingDemandBits);
        Assert.Equal(2048, request.WeightQuantityBits);
        Assert.Equal(4, request.WeightSecurityLevel);
    }

    [Fact]
    public void On_Demand_Request_Still_Fills_To_High_Threshold_When_That_Is_More()
    {
        Assert.Equal(2560 - 100, _policy.RequiredBits(100, 128));
    }

    [Fact]
    public void Requested_Bits_Never_Exceed_Capacity()
    {
        Assert.Equal(5120 - 2000, _policy.RequiredBits(2000, 9000));
    }

    [Theory]
    [InlineData(0, 0, 0, "capacityBits")]
    [InlineData(5120, 3000, 2560, "lowThresholdBits")]
    [InlineData(5120, -1, 2560, "lowThresholdBits")]
    [InlineData(5120, 1280, 6000, "highThresholdBits")]
    public void Rejects_Inconsistent_Thresholds(long capacity, long low, long high, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SupplementPolicy(capacity, low, high, 0.5));
        Assert.Equal(parameter, error.ParamName);
    }
}
