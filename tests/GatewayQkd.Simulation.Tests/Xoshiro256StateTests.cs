using GatewayQkd.Core.Scheduling;
using GatewayQkd.Simulation.Workload;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>
/// The generator is xoshiro256** as published (Blackman and Vigna, reference code xoshiro256starstar.c at
/// prng.di.unimi.it), seeded through SplitMix64 (splitmix64.c, same site), and the request source's register-held copy
/// of it draws the same sequence as the generator behind a reference, through the ziggurat's rare second step too.
/// </summary>
public sealed class Xoshiro256StateTests
{
    [Fact]
    public void State_One_Two_Three_Four_Gives_The_Published_Outputs()
    {
        var state = new Xoshiro256State(1, 2, 3, 4);

        ulong[] outputs = [.. Enumerable.Range(0, 6).Select(_ => state.NextUInt64())];

        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL, 1216172134540287360UL, 607988272756665600UL], outputs);
    }

    [Fact]
    public void Seed_Zero_Takes_The_First_Four_SplitMix64_Outputs_As_State()
    {
        // SplitMix64 from 0: e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f, f88bb8a8724c81ec.
        var seeded = new Xoshiro256State(0);
        var words = new Xoshiro256State(0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL, 0xF88BB8A8724C81ECUL);

        Assert.Equal(Enumerable.Range(0, 8).Select(_ => words.NextUInt64()), Enumerable.Range(0, 8).Select(_ => seeded.NextUInt64()));
    }

    [Fact]
    public void Generator_Behind_A_Reference_Draws_The_State_Sequence()
    {
        var state = new Xoshiro256State(99);
        var generator = new Xoshiro256StarStar(99);

        Assert.Equal(Enumerable.Range(0, 100).Select(_ => state.NextUInt64()), Enumerable.Range(0, 100).Select(_ => generator.NextUInt64()));
    }

    [Fact]
    public void Poisson_Source_Draws_Gap_Gateways_And_Level_In_Generator_Order()
    {
        // The source's documented draw, redone with the reference generator: gap (ziggurat, rounded to a tick), one
        // 64-bit draw for source and destination, one for the levels. 200,000 requests pass the ziggurat's second
        // step about 2,000 times, where the source hands its state back to the field and reloads it.
        var options = new SimulationOptions { Requests = 200_000, Load = 1.5, Seed = 5 };
        var source = new PoissonRequestSource(options);
        var random = new Xoshiro256StarStar(options.Seed);
        double meanGapTicks = SimulationTime.TicksPerSecond * options.SlotSeconds / options.Load;
        var buffer = new SimRequest[256];
        long clock = 0;
        long id = 0;
        int n;
        while ((n = source.Fill(buffer)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                clock += (long)Math.Round(ExponentialZiggurat.Next(random) * meanGapTicks);
                ulong pair = random.NextUInt64();
                int gateway = (int)(((pair >> 32) * (ulong)options.Gateways) >> 32);
                int kSec = 1 + (int)(((random.NextUInt64() >> 32) * SecurityLevel.Highest) >> 32);
                var expected = new SimRequest(clock, options.KeyBitsOf(kSec), kSec, gateway, (int)(((pair & 0xFFFFFFFFUL) * (ulong)options.Gateways) >> 32), gateway, ++id);
                Assert.Equal(expected, buffer[i]);
            }
        }

        Assert.Equal(options.Requests, id);
    }
}
