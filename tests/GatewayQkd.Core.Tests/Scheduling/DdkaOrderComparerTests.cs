using GatewayQkd.Core.Scheduling;
using Xunit;

namespace GatewayQkd.Core.Tests.Scheduling;

/// <summary>The DDKA order: slot, then est ascending, then arrival time, sensor id, request id.</summary>
public sealed class DdkaOrderComparerTests
{
    private const long Slot = 1000;

    private static KeyRequest Request(string name, long arrival, int kQua, int kSec, int sensor = 1, long id = 0) =>
        new(sensor, id == 0 ? name.GetHashCode() & 0xffff : id, 1, 2, arrival, kQua, kSec);

    private static string[] Order(DdkaOrderComparer comparer, params (string Name, KeyRequest Request)[] items)
    {
        object[] array = items.Select(i => (object)i.Request).ToArray();
        StableSort.Sort(array, array.Length, comparer);
        return array.Select(o => items.Single(i => ReferenceEquals(i.Request, o)).Name).ToArray();
    }

    [Fact]
    public void Same_Slot_Is_Served_By_Ascending_Est()
    {
        // w = 0.5: est = 0.5 ln(K_qua (10 - K_sec)); products A 1024*6 = 6144, B 128*9 = 1152, C 2048*5 = 10240,
        // D 256*5 = 1280, so B < D < A < C.
        var comparer = new DdkaOrderComparer(Slot, 0.5);
        string[] order = Order(comparer,
            ("A", Request("A", 100, 1024, 4)),
            ("B", Request("B", 900, 128, 1)),
            ("C", Request("C", 10, 2048, 5)),
            ("D", Request("D", 500, 256, 5)));
        Assert.Equal(["B", "D", "A", "C"], order);
    }

    [Fact]
    public void Earlier_Slot_Wins_Over_Smaller_Est()
    {
        var comparer = new DdkaOrderComparer(Slot, 0.5);
        string[] order = Order(comparer,
            ("late-small", Request("late-small", 1000, 128, 5)),
            ("early-big", Request("early-big", 999, 2048, 1)));
        Assert.Equal(["early-big", "late-small"], order);
    }

    [Fact]
    public void Zero_Weight_Prefers_Fewer_Bits_Whatever_The_Level()
    {
        var comparer = new DdkaOrderComparer(Slot, 0.0);
        string[] order = Order(comparer,
            ("big-secure", Request("big-secure", 1, 2048, 5)),
            ("small-weak", Request("small-weak", 2, 128, 1)));
        Assert.Equal(["small-weak", "big-secure"], order);
    }

    [Fact]
    public void Full_Weight_Prefers_Higher_Security_Whatever_The_Size()
    {
        var comparer = new DdkaOrderComparer(Slot, 1.0);
        string[] order = Order(comparer,
            ("small-weak", Request("small-weak", 1, 128, 1)),
            ("big-secure", Request("big-secure", 2, 2048, 5)));
        Assert.Equal(["big-secure", "small-weak"], order);
    }

    [Fact]
    public void Equal_Est_Is_Broken_By_Arrival_Time()
    {
        var comparer = new DdkaOrderComparer(Slot, 0.5);
        string[] order = Order(comparer,
            ("later", Request("later", 700, 512, 3, sensor: 1)),
            ("earlier", Request("earlier", 300, 512, 3, sensor: 9)));
        Assert.Equal(["earlier", "later"], order);
    }

    [Fact]
    public void Equal_Est_And_Arrival_Is_Broken_By_Sensor_Then_Request_Id()
    {
        var comparer = new DdkaOrderComparer(Slot, 0.5);
        string[] order = Order(comparer,
            ("s2", Request("s2", 300, 512, 3, sensor: 2, id: 1)),
            ("s1-id7", Request("s1-id7", 300, 512, 3, sensor: 1, id: 7)),
            ("s1-id3", Request("s1-id3", 300, 512, 3, sensor: 1, id: 3)));
        Assert.Equal(["s1-id3", "s1-id7", "s2"], order);
    }

    [Fact]
    public void Plaintext_Requests_Come_First_In_Their_Slot()
    {
        var comparer = new DdkaOrderComparer(Slot, 0.5);
        string[] order = Order(comparer,
            ("keyed", Request("keyed", 100, 128, 5)),
            ("plain", Request("plain", 900, 0, 0)));
        Assert.Equal(["plain", "keyed"], order);
    }

    [Fact]
    public void Slot_Of_Arrival_Is_Floor_Of_Arrival_Over_Slot_Length()
    {
        var comparer = new DdkaOrderComparer(250, 0.5);
        Assert.Equal(new long[] { 0, 0, 1, 4 }, new[] { 0L, 249L, 250L, 1000L }.Select(comparer.SlotOf).ToArray());
    }

    [Fact]
    public void Supplement_Requests_Follow_The_Same_Rule()
    {
        // Two gateways ask in the same slot: on-demand for 128 bits at K_sec 5 beats replenishment weighed at K_sec 0.
        var policy = new SupplementPolicy(5120, 1280, 2560, 0.5);
        SupplementRequest refill = policy.Decide(1, 0, 1, 100, 1000, 0, 0, 0)!;
        SupplementRequest urgent = policy.Decide(2, 0, 1, 200, 100, 128, 128, 5)!;
        object[] items = [refill, urgent];
        StableSort.Sort(items, 2, new DdkaOrderComparer(Slot, 0.5));
        Assert.Same(urgent, items[0]);
    }

    [Theory]
    [InlineData(0, 0.5, "slotLength")]
    [InlineData(1000, -0.1, "w")]
    public void Rejects_Bad_Parameters(long slot, double w, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DdkaOrderComparer(slot, w));
        Assert.Equal(parameter, error.ParamName);
    }
}
