using GatewayQkd.Simulation.Schemes;
using Xunit;
using static GatewayQkd.Simulation.Tests.SimulationHarness;

namespace GatewayQkd.Simulation.Tests;

/// <summary>Each baseline does what the DDKA paper's sentence about it says (readings: docs/simulation.md).</summary>
public sealed class BaselineReadingTests
{
    private const int Precision = 9;

    [Fact]
    public void Kod_Orders_As_Ddka_At_W_Zero_Whatever_W_Is_Set()
    {
        // "The KoD scheme uses the First-Fit algorithm ... equivalent to the case of omega = 0". X (512 bits) busy until
        // 0.4 s; Y (2048, K_sec 5) at 0.1 and Z (128, K_sec 1) at 0.2. At w = 1 DDKA serves Y first (ln 5 < ln 9):
        // Y 0.3 + 1.6, Z 1.8 + 0.1. KoD (w = 0) serves Z first: Z 0.2 + 0.1, Y 0.4 + 1.6.
        var requests = new[] { Request(0, 512), Request(0.1, 2048, kSec: 5), Request(0.2, 128, kSec: 1) };
        var options = Options(SchemeKind.Ddka, initial: 5120) with { TradeOff = 1 };
        Assert.Equal((0.4 + 1.9 + 1.9) / 3, Run(options, requests).MeanDelay, Precision);
        Assert.Equal((0.4 + 0.3 + 2.0) / 3, Run(options with { Scheme = SchemeKind.Kod }, requests).MeanDelay, Precision);
    }

    [Fact]
    public void Kod_Has_No_Replenishment_Only_The_Missing_Bits()
    {
        // "the KoD scheme does not consider the key supplement process of QKP": below K_threshold_low (2048) nothing is
        // asked while keys suffice; a short pool gets exactly K_qua - K_sur (1024 - 1000 = 24 bits).
        var options = Options(SchemeKind.Kod, initial: 1000, low: 2048, high: 4096);
        Assert.Equal(0, Run(options, Request(0, 512)).SupplementRequests);
        var shortPool = Run(options, Request(0, 1024));
        Assert.Equal(24, shortPool.KeysGenerated);
        Assert.Equal(24.0 / 2560, shortPool.MeanKeyWait, Precision);
    }

    [Fact]
    public void Rakp_Generates_Without_Supplement_Requests_Up_To_Capacity()
    {
        // Table 1: RAKP has no key supplement requests; s4.2: it "dynamically adjusts the key generation rate according
        // to the key utilization of QKP". One empty pool takes the whole channel: 1024 bits in 0.4 s, 0.8 s transmission;
        // by the end at 1.2 s 3072 bits were generated. Later the pool is full, far above K_threshold_high (2048), and
        // refills within the 128-bit request's 0.1 s transmission.
        var options = Options(SchemeKind.Rakp, initial: 0, low: 1024, high: 2048);
        var first = Run(options, Request(0, 1024));
        Assert.Equal(1.2, first.MeanDelay, Precision);
        Assert.Equal(3072, first.KeysGenerated);
        Assert.Equal(0, first.SupplementRequests);
        var late = Run(options, Request(10, 128));
        Assert.Equal(5120, late.KeysStored);
        Assert.Equal(1.0, late.SuccessRate);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1)]
    [InlineData(10)]
    public void Rakp_Supply_Does_Not_Depend_On_The_Slot_Length(double slot)
    {
        var options = Options(SchemeKind.Rakp, initial: 0) with { SlotSeconds = slot };
        Assert.Equal(1.2, Run(options, Request(0, 1024)).MeanDelay, Precision);
    }

    [Fact]
    public void Rakp_Shares_The_Channel_By_Utilization()
    {
        // Two empty pools have equal utilization, so each gets half of V_gen: a 2048-bit request at gateway 0 waits
        // 2048 / 1280 = 1.6 s (alone: 2048 / 2560 = 0.8 s), then transmits for 1.6 s.
        var requests = new[] { Request(0, 2048, gateway: 0) };
        Assert.Equal(0.8 + 1.6, Run(Options(SchemeKind.Rakp, initial: 0), requests).MeanDelay, Precision);
        Assert.Equal(1.6 + 1.6, Run(Options(SchemeKind.Rakp, initial: 0, gateways: 2), requests).MeanDelay, Precision);
    }

    [Fact]
    public void Dskp_Clusters_Requests_By_Destination_Within_A_Slot()
    {
        // "The secret-key-consumption process clusters secret-key-provisioning requests with the same destination
        // nodes." X busy until 0.8 s; A (dest 1) at 0.1, B (dest 0) at 0.2, C (dest 1) at 0.3, 128 bits each:
        // clustered B, A, C start at 0.8, 0.9, 1.0; FIFO (S2) A, B, C.
        var options = Options(SchemeKind.Dskp, initial: 5120, gateways: 2);
        var requests = new[] { Request(0, 1024), Request(0.1, 128, destination: 1), Request(0.2, 128, destination: 0), Request(0.3, 128, destination: 1) };
        double clustered = (0.8 + (0.9 + 0.1 - 0.1) + (0.8 + 0.1 - 0.2) + (1.0 + 0.1 - 0.3)) / 4;
        double fifo = (0.8 + (0.8 + 0.1 - 0.1) + (0.9 + 0.1 - 0.2) + (1.0 + 0.1 - 0.3)) / 4;
        Assert.Equal(clustered, Run(options, requests).MeanDelay, Precision);
        Assert.Equal(fifo, Run(options with { Scheme = SchemeKind.S2 }, requests).MeanDelay, Precision);
    }

    [Fact]
    public void Dskp_Supplements_The_Lowest_Pool_First()
    {
        // "selects the QKP with the lowest number of remaining keys to supplement first". Pools of 1000 bits, on-demand
        // supplements only (thresholds 0). The HAP serves gateway 0's 1048 missing bits from 0 to 0.409375 s. Meanwhile
        // gateway 1 (1000 bits) asks 24 bits at 0.1 s and gateway 2 (872 bits after a 128-bit request) asks 152 bits
        // at 0.2 s. Lowest first: gateway 2 from 0.409375 to 0.46875 s, then gateway 1 until 0.478125 s.
        var options = Options(SchemeKind.Dskp, initial: 1000, gateways: 3);
        var requests = new[]
        {
            Request(0, 2048, gateway: 0), Request(0.01, 128, gateway: 2), Request(0.1, 1024, gateway: 1), Request(0.2, 1024, gateway: 2),
        };
        var result = Run(options, requests);
        double expected = ((0.409375 + 1.6) + 0.1 + (0.478125 - 0.1 + 0.8) + (0.46875 - 0.2 + 0.8)) / 4;
        Assert.Equal(expected, result.MeanDelay, Precision);
        Assert.Equal((0 + (0.46875 - 0.1) + (0.409375 - 0.2)) / 3, result.MeanSupplementQueueWait, Precision);
    }

    [Fact]
    public void Rate_And_Key_Quantity_Scales_K_Qua_With_The_Load()
    {
        // "An increase in L_req means that K_qua increases" (s4.2.1): at L_req 2 every key doubles; at 3 the largest
        // (6144 bits) is limited to the 5120-bit pool.
        var options = new SimulationOptions { LoadMeaning = LoadMeaning.RateAndKeyQuantity };
        Assert.Equal(256, (options with { Load = 2 }).KeyBitsOf(1));
        Assert.Equal(4096, (options with { Load = 2 }).KeyBitsOf(5));
        Assert.Equal(5120, (options with { Load = 3 }).KeyBitsOf(5));
        Assert.Equal(2048, (options with { Load = 3, LoadMeaning = LoadMeaning.Rate }).KeyBitsOf(5));
    }

    [Fact]
    public void Rate_And_Key_Quantity_Doubles_The_Mean_Transmission_At_Load_Two()
    {
        // Mean K_qua 793.6 bits = 0.62 s at 1280 bit/s under Rate; twice that under RateAndKeyQuantity at L_req 2.
        var rate = RunPoisson(new SimulationOptions { Load = 2, Requests = 4000 });
        var scaled = RunPoisson(new SimulationOptions { Load = 2, Requests = 4000, LoadMeaning = LoadMeaning.RateAndKeyQuantity });
        Assert.Equal(2 * rate.MeanTransmission, scaled.MeanTransmission, 12);
    }
}
