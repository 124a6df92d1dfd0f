using GatewayQkd.Simulation.Schemes;
using Xunit;
using static GatewayQkd.Simulation.Tests.SimulationHarness;

namespace GatewayQkd.Simulation.Tests;

/// <summary>T_sum per DDKA eqs. (8) and (9) on hand-computed cases (t_tra = 1/1280 s per bit, V_gen = 2560 bit/s).</summary>
public sealed class DelayEquationTests
{
    private const int Precision = 9;

    [Fact]
    public void Eq8_Request_On_A_Free_Slot_With_Keys_Waits_Only_For_Transmission()
    {
        // T_sum = K_qua t_tra = 1024 / 1280 = 0.8 s.
        var result = Run(Options(SchemeKind.Ddka, initial: 5120), Request(0, 1024));
        Assert.Equal(0.8, result.MeanDelay, Precision);
        Assert.Equal(1.0, result.SuccessRate);
    }

    [Fact]
    public void Eq8_Request_Behind_A_Busy_Slot_Waits_Until_T_Get()
    {
        // A: 0.8 s. B arrives at 0.5 while t_get = 0.8: (0.8 - 0.5) + 512/1280 = 0.7 s. C at 2 s: 128/1280 = 0.1 s.
        var result = Run(Options(SchemeKind.Ddka, initial: 5120), Request(0, 1024), Request(0.5, 512), Request(2, 128));
        Assert.Equal((0.8 + 0.7 + 0.1) / 3, result.MeanDelay, Precision);
        Assert.Equal(2.0 / 3, result.SuccessRate, Precision);
        Assert.Equal(0.3 / 3, result.MeanSlotWait, Precision);
    }

    [Fact]
    public void Eq9_Short_Pool_Waits_For_The_Missing_Bits_At_V_Gen()
    {
        // Case t_get <= t_arr, T_get <= T_arr: (1024 - 256) / 2560 + 1024 / 1280 = 0.3 + 0.8 = 1.1 s.
        var result = Run(Options(SchemeKind.S3, initial: 256), Request(1, 1024));
        Assert.Equal(1.1, result.MeanDelay, Precision);
        Assert.Equal(0.3, result.MeanKeyWait, Precision);
        Assert.Equal(0.0, result.SuccessRate);
    }

    [Fact]
    public void Eq9_Busy_Slot_Then_Short_Pool_Adds_Both_Waits()
    {
        // A takes 1024 of 1280 bits (0.8 s). B (512 bits) at 0.5: t_get - t_arr = 0.3, then (512 - 256)/2560 = 0.1,
        // then 0.4 s transmission: 0.8 s.
        var result = Run(Options(SchemeKind.S3, initial: 1280), Request(0, 1024), Request(0.5, 512));
        Assert.Equal(0.8, result.MeanDelay, Precision);
        Assert.Equal(0.3 / 2, result.MeanSlotWait, Precision);
        Assert.Equal(0.1 / 2, result.MeanKeyWait, Precision);
    }

    [Fact]
    public void Eq9_Supplement_Behind_A_Busy_HAP_Waits_Until_T_Get()
    {
        // Gateway 0 asks 2048 bits at 0 (HAP busy until 0.8), serves 2048 bits: 0.8 + 1.6 = 2.4 s.
        // Gateway 1 asks 256 bits at 0.2: T_get - T_arr = 0.6, 256/2560 = 0.1, 256/1280 = 0.2: 0.9 s.
        var result = Run(Options(SchemeKind.S3, initial: 0, gateways: 2), Request(0, 2048, gateway: 0), Request(0.2, 256, gateway: 1));
        Assert.Equal((2.4 + 0.9) / 2, result.MeanDelay, Precision);
        Assert.Equal(0.6 / 2, result.MeanSupplementQueueWait, Precision);
        Assert.Equal(2, result.SupplementRequests);
    }

    [Fact]
    public void Below_Low_Threshold_Replenishes_Towards_High_In_Idle_Time()
    {
        // 1000 bits, low 2048, high 4096: the idle pool asks 3096 bits at t = 0, streamed at 2560 bit/s. The arrival
        // at t = 1 ends the gap with 2560 bits in (3560); the 128-bit request leaves 3432, above low: no new request.
        var result = Run(Options(SchemeKind.Ddka, initial: 1000, low: 2048, high: 4096), Request(1, 128));
        Assert.Equal(2560, result.KeysGenerated);
        Assert.Equal(3432, result.KeysStored);
        Assert.Equal(1, result.SupplementRequests);
    }

    [Fact]
    public void Idle_Gap_Replenishment_Stops_At_The_Next_Arrival_But_Continuous_Does_Not()
    {
        // 1000 bits, low 2048, high 4096, a 2048-bit request at 0.1 s; by then 0.1 x 2560 = 256 bits are in (1256).
        // Idle gaps: the arrival ends the replenishment; the request asks on demand for its 792 missing bits, in at
        // 0.409375 s; it leaves 0 bits and an empty queue, so the pool asks 4096 bits, all in by the end at
        // 0.409375 + 1.6 s: 256 + 792 + 4096 bits, three supplement requests.
        // Continuous: the first stream (3096 bits) runs on, the request takes its bits at the same 0.409375 s, and
        // the stream ends at 1.209375 s with the pool at 2048, not below low: one request, 3096 bits.
        var requests = new[] { Request(0.1, 2048) };
        var idle = Run(Options(SchemeKind.Ddka, initial: 1000, low: 2048, high: 4096), requests);
        Assert.Equal(256 + 792 + 4096, idle.KeysGenerated);
        Assert.Equal(3, idle.SupplementRequests);
        Assert.Equal(0.309375, idle.MeanKeyWait, Precision);
        var continuous = Run(Options(SchemeKind.Ddka, initial: 1000, low: 2048, high: 4096) with { SupplementTiming = SupplementTiming.Continuous }, requests);
        Assert.Equal(3096, continuous.KeysGenerated);
        Assert.Equal(1, continuous.SupplementRequests);
        Assert.Equal(0.309375, continuous.MeanKeyWait, Precision);
    }

    [Fact]
    public void Ddka_Serves_The_Smaller_Est_First_Within_A_Slot()
    {
        // X busy until 0.4. Y (2048 bits, K_sec 5, est 0.5 ln 10240) at 0.1, Z (128 bits, K_sec 1, est 0.5 ln 1152)
        // at 0.2. DDKA: Z at 0.4 (0.2 + 0.1 = 0.3 s), Y at 0.5 (0.4 + 1.6 = 2.0 s). FIFO: Y 0.3 + 1.6, Z 1.8 + 0.1.
        var requests = new[] { Request(0, 512), Request(0.1, 2048, kSec: 5), Request(0.2, 128, kSec: 1) };
        Assert.Equal((0.4 + 2.0 + 0.3) / 3, Run(Options(SchemeKind.Ddka, initial: 5120), requests).MeanDelay, Precision);
        Assert.Equal((0.4 + 1.9 + 1.9) / 3, Run(Options(SchemeKind.S2, initial: 5120), requests).MeanDelay, Precision);
    }

    [Fact]
    public void Ddka_Serves_An_Earlier_Slot_Before_A_Smaller_Est()
    {
        // X busy until 1.6. Y (2048, slot 0) at 0.9 goes before Z (128, slot 1) at 1.05: Y 0.7 + 1.6 = 2.3 s,
        // Z starts at 3.2: 2.15 + 0.1 = 2.25 s.
        var result = Run(Options(SchemeKind.Ddka, initial: 5120), Request(0, 2048), Request(0.9, 2048, kSec: 5), Request(1.05, 128, kSec: 1));
        Assert.Equal((1.6 + 2.3 + 2.25) / 3, result.MeanDelay, Precision);
    }

    [Fact]
    public void Kod_First_Fit_Serves_A_Fitting_Later_Request_Past_A_Blocked_Head()
    {
        // 600 bits: the 1024-bit head waits for 424 bits (0.165625 s); first-fit serves the 128-bit request at 0.01
        // at once (0.1 s), taking 128 bits, so the head then needs 552 bits: it starts at 552/2560 = 0.215625 s.
        var result = Run(Options(SchemeKind.KodFirstFit, initial: 600), Request(0, 1024), Request(0.01, 128));
        Assert.Equal(0.5, result.SuccessRate, Precision);
        Assert.Equal(((0.215625 + 0.8) + 0.1) / 2, result.MeanDelay, Precision);
    }
}
