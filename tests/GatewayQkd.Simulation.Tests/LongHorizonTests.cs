using GatewayQkd.Simulation.Schemes;
using Xunit;
using static GatewayQkd.Simulation.Tests.SimulationHarness;

namespace GatewayQkd.Simulation.Tests;

/// <summary>
/// Time is integer ticks and levels whole bits, so results do not degrade with the horizon: the earlier engine (double
/// seconds, 1e-9 s and 1e-6 bit tolerances) stopped with "no progress" past t = 2^22 s.
/// </summary>
public sealed class LongHorizonTests
{
    private const double Offset = 1e10;

    [Fact]
    public void Hand_Computed_Delays_Are_Exact_At_Ten_To_The_Ten_Seconds()
    {
        // Eq. (9), busy slot then short pool (DelayEquationTests): 0.8 s mean, 0.15 s slot wait, 0.05 s key wait; the
        // second request transmits from 0.9 to 1.3 s after the offset.
        var result = Run(Options(SchemeKind.S3, initial: 1280), Request(Offset, 1024), Request(Offset + 0.5, 512));
        Assert.Equal(0.8, result.MeanDelay, 12);
        Assert.Equal(0.3 / 2, result.MeanSlotWait, 12);
        Assert.Equal(0.1 / 2, result.MeanKeyWait, 12);
        Assert.Equal(Offset + 1.3, result.SimulatedSeconds, 6);
    }

    [Fact]
    public void Streamed_Bits_Arrive_On_The_Exact_Tick_At_Ten_To_The_Ten_Seconds()
    {
        // 256 bits and a 1024-bit request: (1024 - 256) / 2560 = 0.3 s of supplement, then 0.8 s: 1.1 s.
        var result = Run(Options(SchemeKind.S3, initial: 256), Request(Offset + 1, 1024));
        Assert.Equal(1.1, result.MeanDelay, 12);
        Assert.Equal(0, result.KeyBalanceError);
    }

    public static TheoryData<SchemeKind> AllSchemes()
    {
        var data = new TheoryData<SchemeKind>();
        foreach (var scheme in Enum.GetValues<SchemeKind>())
        {
            data.Add(scheme);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Poisson_Run_Past_Ten_To_The_Ten_Seconds_Completes_With_Keys_Conserved(SchemeKind scheme)
    {
        // 20 000 requests at L_req 2e-6: mean gap 5e5 s, horizon about 1e10 s.
        var result = RunPoisson(new SimulationOptions { Scheme = scheme, Load = 2e-6, Requests = 20_000, Seed = 3 });
        Assert.Equal(20_000, result.Requests);
        Assert.True(result.SimulatedSeconds > 0.9e10, $"{result.SimulatedSeconds} s");
        Assert.Equal(0, result.KeyBalanceError);
        Assert.Equal(result.MeanDelay, result.MeanSlotWait + result.MeanKeyWait + result.MeanTransmission, 9);
    }

    [Theory]
    [InlineData(SchemeKind.Ddka, 0.2)]
    [InlineData(SchemeKind.S2, 0.2)]
    [InlineData(SchemeKind.Ddka, 0.1)]
    public void Runs_That_Stalled_Past_Two_To_The_22_Seconds_Complete(SchemeKind scheme, double load)
    {
        // Issue 12: `simulate -n 1700000` (L_req 0.2, t = 8.4e6 s) and `-n 1000000 --load 0.1` used to abort.
        long requests = load < 0.2 ? 1_000_000 : 1_700_000;
        var result = RunPoisson(new SimulationOptions { Scheme = scheme, Load = load, Requests = requests });
        Assert.Equal(requests, result.Requests);
        Assert.True(result.SimulatedSeconds > 4_194_304, $"{result.SimulatedSeconds} s");
        Assert.Equal(0, result.KeyBalanceError);
    }

    [Fact]
    public void A_Horizon_Beyond_The_Tick_Range_Is_Refused_Naming_Requests()
    {
        var options = new SimulationOptions { Requests = 1_000_000_000, Load = 1e-3 };
        var error = Assert.Throws<SimulationOptionsException>(options.Validate);
        Assert.Equal(nameof(SimulationOptions.Requests), error.Parameter);
    }
}
