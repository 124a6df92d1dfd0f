using GatewayQkd.Core.Scheduling;
using Xunit;

namespace GatewayQkd.Core.Tests.Scheduling;

/// <summary>Validation of key requests (K_qua, K_sec, arrival).</summary>
public sealed class KeyRequestTests
{
    [Theory]
    [InlineData(128, 6, "kSec")]
    [InlineData(0, 1, "kQuaBits")]
    [InlineData(100, 1, "kQuaBits")]
    [InlineData(128, 0, "kQuaBits")]
    public void Rejects_Inconsistent_Quantity_Or_Level(int kQua, int kSec, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KeyRequest(1, 1, 1, 2, 0, kQua, kSec));
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Rejects_Negative_Arrival()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KeyRequest(1, 1, 1, 2, -1, 128, 1));
        Assert.Equal("arrivalTime", error.ParamName);
    }

    [Fact]
    public void Plaintext_Request_Needs_No_Key()
    {
        Assert.False(new KeyRequest(1, 1, 1, 2, 0, 0, 0).NeedsKey);
        Assert.True(new KeyRequest(1, 1, 1, 2, 0, 128, 1).NeedsKey);
    }
}
