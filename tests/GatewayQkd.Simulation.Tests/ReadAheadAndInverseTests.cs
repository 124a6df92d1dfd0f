using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Workload;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>
/// The two hot-loop shortcuts change no result: the simulator's batched read-ahead sees the same requests as one at a
/// time, and a stream's inverse (the wake-up tick) is the exact first tick its bits are in, whatever its estimate.
/// </summary>
public sealed class ReadAheadAndInverseTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(257)]
    public void Poisson_Fill_Gives_The_Same_Requests_As_TryNext(int count)
    {
        var options = new SimulationOptions { Requests = count, Load = 1.5, Seed = 7 };
        var one = new PoissonRequestSource(options);
        var batched = new PoissonRequestSource(options);
        var expected = new List<SimRequest>();
        while (one.TryNext(out SimRequest r))
        {
            expected.Add(r);
        }

        var actual = new List<SimRequest>();
        var buffer = new SimRequest[100];
        int n;
        while ((n = batched.Fill(buffer)) > 0)
        {
            actual.AddRange(buffer.Take(n));
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Default_Fill_Reads_The_Source_In_Order_And_Stops_At_Its_End()
    {
        IRequestSource source = new ListRequestSource([SimulationHarness.Request(0, 8), SimulationHarness.Request(1, 16), SimulationHarness.Request(2, 24)]);
        var buffer = new SimRequest[2];

        Assert.Equal(2, source.Fill(buffer));
        Assert.Equal([8, 16], buffer.Select(r => r.KQuaBits));
        Assert.Equal(1, source.Fill(buffer));
        Assert.Equal(24, buffer[0].KQuaBits);
        Assert.Equal(0, source.Fill(buffer));
    }

    [Theory]
    [InlineData(2560.0)]
    [InlineData(3.0)]
    [InlineData(188055.25106111466)]
    [InlineData(1e9 / 3)]
    public void Wake_Up_Tick_Is_The_First_Tick_The_Bits_Are_In(double bitsPerSecond)
    {
        foreach (long bits in new long[] { 1, 2, 7, 1280, 2048, 5119, 1_000_003 })
        {
            var stream = default(KeyStream);
            const long start = 123_456_789;
            stream.Start(start, new StreamRate(bitsPerSecond), bits + 10);
            long tick = stream.TickOfMore(bits);

            var before = stream;
            Assert.True(before.Collect(tick - 1) < bits, $"{bits} bits at {bitsPerSecond} bit/s already in at tick {tick - 1}");
            var at = stream;
            Assert.True(at.Collect(tick) >= bits, $"{bits} bits at {bitsPerSecond} bit/s not in at tick {tick}");
        }
    }

    [Theory]
    [InlineData(2560.0)]
    [InlineData(3.0)]
    [InlineData(188055.25106111466)]
    public void Tabulated_Inverse_Gives_The_First_Tick_The_Bits_Are_In_For_Every_Bit_Count_Up_To_Capacity(double bitsPerSecond)
    {
        const int capacity = 5120;
        StreamRate rate = StreamRate.WithInverse(bitsPerSecond, capacity);
        for (long bits = 1; bits <= capacity; bits++)
        {
            var stream = default(KeyStream);
            const long start = 987_654_321;
            stream.Start(start, rate, capacity);
            long tick = stream.TickOfMore(bits);

            var before = stream;
            Assert.True(before.Collect(tick - 1) < bits, $"{bits} bits at {bitsPerSecond} bit/s already in at tick {tick - 1}");
            var at = stream;
            Assert.True(at.Collect(tick) >= bits, $"{bits} bits at {bitsPerSecond} bit/s not in at tick {tick}");
        }
    }
}
