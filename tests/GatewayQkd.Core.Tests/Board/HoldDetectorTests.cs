using GatewayQkd.Core.Board;

namespace GatewayQkd.Core.Tests.Board;

public class HoldDetectorTests
{
    [Fact]
    public void Reports_A_Hold_Once_When_The_Hold_Time_Has_Passed()
    {
        var detector = new HoldDetector(5000);
        detector.Press(1000);

        Assert.False(detector.Poll(5999));
        Assert.True(detector.Poll(6000));
        Assert.False(detector.Poll(9000));
    }

    [Fact]
    public void Ignores_A_Press_Released_Before_The_Hold_Time()
    {
        var detector = new HoldDetector(5000);
        detector.Press(0);
        detector.Release();

        Assert.False(detector.Poll(10000));
    }

    [Fact]
    public void Measures_From_The_First_Press_Not_From_Repeated_Readings()
    {
        var detector = new HoldDetector(5000);
        for (long t = 0; t < 5000; t += 100)
        {
            detector.Press(t);
            Assert.False(detector.Poll(t));
        }

        Assert.True(detector.Poll(5000));
    }

    [Fact]
    public void Reports_Again_After_Release_And_A_New_Hold()
    {
        var detector = new HoldDetector(5000);
        detector.Press(0);
        Assert.True(detector.Poll(5000));
        detector.Release();

        detector.Press(7000);

        Assert.False(detector.Poll(11999));
        Assert.True(detector.Poll(12000));
    }

    [Fact]
    public void Zeroize_Hold_Is_Five_Seconds()
    {
        Assert.Equal(5000, HoldDetector.ZeroizeHoldMilliseconds);
    }

    [Fact]
    public void Rejects_A_Non_Positive_Hold_Time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HoldDetector(0));
    }
}
