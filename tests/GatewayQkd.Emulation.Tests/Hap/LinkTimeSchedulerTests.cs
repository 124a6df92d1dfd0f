using GatewayQkd.Emulation.Hap;

namespace GatewayQkd.Emulation.Tests.Hap;

/// <summary>How the HAP shares link time: supplements first in the given DDKA order, the rest water-filled (hand-computed values).</summary>
public sealed class LinkTimeSchedulerTests
{
    private static readonly ushort[] Four = [1, 2, 3, 4];

    [Fact]
    public void Shares_Idle_Time_Equally_When_Nobody_Asks()
    {
        // 2 terminals x 1 s = 2 link-seconds over 4 gateways: 0.5 s each.
        var time = new LinkTimeScheduler(2).Allocate(1.0, Four, [], _ => 1000, _ => true);

        Assert.All(Four, g => Assert.Equal(0.5, time[g], 9));
    }

    [Fact]
    public void Serves_The_First_Supplement_In_Order_Before_Sharing_The_Rest()
    {
        // Gateway 3 needs 1500 bits at 1000 bit/s: capped at dt = 1 s. Budget 2 - 1 = 1 s shared by 1, 2, 4 (1/3 each).
        var time = new LinkTimeScheduler(2).Allocate(1.0, Four, [new LinkDemand(3, 1500)], _ => 1000, _ => true);

        Assert.Equal(1.0, time[3], 9);
        Assert.Equal(1.0 / 3, time[1], 9);
        Assert.Equal(1.0 / 3, time[4], 9);
    }

    [Fact]
    public void Gives_A_Later_Supplement_Only_What_The_Earlier_Ones_Leave()
    {
        // One terminal: gateway 2 (first in order) needs 0.8 s, gateway 1 gets the remaining 0.2 s, nobody else any.
        var time = new LinkTimeScheduler(1).Allocate(1.0, Four, [new LinkDemand(2, 800), new LinkDemand(1, 5000)], _ => 1000, _ => true);

        Assert.Equal(0.8, time[2], 9);
        Assert.Equal(0.2, time[1], 9);
        Assert.Equal(0.0, time[3], 9);
        Assert.Equal(0.0, time[4], 9);
    }

    [Fact]
    public void Gives_No_Time_To_A_Full_Pool_Or_A_Dead_Link()
    {
        var time = new LinkTimeScheduler(2).Allocate(1.0, Four, [new LinkDemand(1, 500)], g => g == 2 ? 0 : 1000, g => g != 1);

        Assert.Equal(0.0, time[1], 9);
        Assert.Equal(0.0, time[2], 9);
        Assert.Equal(1.0, time[3], 9);
        Assert.Equal(1.0, time[4], 9);
    }

    [Fact]
    public void Never_Hands_Out_More_Than_Terminals_Times_The_Interval()
    {
        var time = new LinkTimeScheduler(3).Allocate(0.25, Four, [new LinkDemand(4, 1e9), new LinkDemand(1, 1e9)], _ => 10, _ => true);

        Assert.Equal(0.75, time.Values.Sum(), 9);
        Assert.All(time.Values, t => Assert.InRange(t, 0, 0.25 + 1e-12));
    }

    [Fact]
    public void Caps_A_Gateways_Time_At_What_Fills_Its_Pool_And_Gives_The_Rest_To_Others()
    {
        // 1 terminal, 1 s, 1000 bit/s: gateway 1 has room for 200 bits (0.2 s); gateway 2 takes the other 0.8 s.
        var time = new LinkTimeScheduler(1).Allocate(1.0, [1, 2], [new LinkDemand(1, 5000)], _ => 1000, _ => true, g => g == 1 ? 200 : 1e9);

        Assert.Equal(0.2, time[1], 9);
        Assert.Equal(0.8, time[2], 9);
    }

    [Fact]
    public void Leaves_Link_Time_Unused_When_Every_Pool_Is_Nearly_Full()
    {
        // 2 terminals x 1 s, but the two pools take only 300 and 100 bits at 1000 bit/s: 0.3 s and 0.1 s.
        var time = new LinkTimeScheduler(2).Allocate(1.0, [1, 2], [], _ => 1000, _ => true, g => g == 1 ? 300 : 100);

        Assert.Equal(0.3, time[1], 9);
        Assert.Equal(0.1, time[2], 9);
    }

    [Fact]
    public void The_Positional_Form_Shares_As_The_Keyed_One_Does()
    {
        // Gateway 3 (position 2) asks 0.3 s first, 1 (position 0) has a full pool, 4 (position 3) room for 0.1 s only:
        // 1.7 s left water-fill 2, 3 and 4 (4 stops at 0.1, 3 at its 1 s cap), so 2 ends with 0.9 s.
        var keyed = new LinkTimeScheduler(2).Allocate(1.0, Four, [new LinkDemand(3, 300)], _ => 1000, g => g != 1, g => g == 4 ? 100 : 1e9);
        var given = new double[4];

        new LinkTimeScheduler(2).Allocate(1.0, [1000, 1000, 1000, 1000], [false, true, true, true], [1e9, 1e9, 1e9, 100], [(2, 300.0)], given);

        Assert.Equal([keyed[1], keyed[2], keyed[3], keyed[4]], given);
        Assert.Equal([0.0, 0.9, 1.0, 0.1], given.Select(t => Math.Round(t, 9)));
    }

    [Fact]
    public void The_Positional_Form_Carries_Nothing_From_A_Larger_Call_To_A_Smaller_One()
    {
        var scheduler = new LinkTimeScheduler(1);
        scheduler.Allocate(1.0, [10, 10, 10, 10], [true, true, true, true], null, [(3, 5.0)], new double[4]);
        var given = new double[2];

        scheduler.Allocate(1.0, [1000, 1000], [true, true], null, [], given);

        Assert.Equal([0.5, 0.5], given);
    }

    [Fact]
    public void The_Positional_Form_Refuses_Arrays_Of_Different_Lengths()
    {
        var error = Assert.Throws<ArgumentException>(() => new LinkTimeScheduler(1).Allocate(1.0, [1000, 1000], [true], null, [], new double[2]));

        Assert.Contains("one entry per gateway", error.Message, StringComparison.Ordinal);
    }
}
