using GatewayQkd.Core.Board;

namespace GatewayQkd.Core.Tests.Board;

public class ReconnectBackoffTests
{
    [Fact]
    public void Doubles_From_The_First_Delay_Up_To_The_Cap()
    {
        var backoff = new ReconnectBackoff(1000, 10000);

        var delays = Enumerable.Range(0, 6).Select(_ => backoff.NextDelay()).ToArray();

        Assert.Equal([1000, 2000, 4000, 8000, 10000, 10000], delays);
        Assert.Equal(6, backoff.Attempts);
    }

    [Fact]
    public void Starts_Over_After_Reset()
    {
        var backoff = new ReconnectBackoff(500, 4000);
        backoff.NextDelay();
        backoff.NextDelay();

        backoff.Reset();

        Assert.Equal(500, backoff.NextDelay());
        Assert.Equal(1, backoff.Attempts);
    }

    [Fact]
    public void Default_Goes_From_One_Second_To_One_Minute()
    {
        var backoff = new ReconnectBackoff();

        var first = backoff.NextDelay();
        var last = Enumerable.Range(0, 20).Select(_ => backoff.NextDelay()).ToArray()[^1];

        Assert.Equal(1000, first);
        Assert.Equal(60000, last);
    }

    [Fact]
    public void Never_Overflows_With_A_Cap_Near_Int_Max()
    {
        var backoff = new ReconnectBackoff(1, int.MaxValue);

        var delays = Enumerable.Range(0, 40).Select(_ => backoff.NextDelay()).ToArray();

        Assert.All(delays, d => Assert.True(d > 0));
        Assert.Equal(int.MaxValue, delays[^1]);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(-1, 100)]
    [InlineData(200, 100)]
    public void Rejects_Bad_Delays(int first, int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(first, max));
    }
}
