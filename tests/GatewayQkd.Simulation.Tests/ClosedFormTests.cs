using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Workload;
using Xunit;
using static GatewayQkd.Simulation.Tests.SimulationHarness;

namespace GatewayQkd.Simulation.Tests;

/// <summary>
/// With ample keys a gateway is an M/G/1 queue (Poisson arrivals, service K_qua t_tra): its mean wait must match the
/// Pollaczek-Khinchine formula W_q = lambda E[S^2] / (2 (1 - rho)), and its SR the idle probability 1 - rho (PASTA).
/// </summary>
public sealed class ClosedFormTests
{
    private const long Ample = 1_000_000_000_000;

    private static SimulationOptions AmpleKeys(SchemeKind scheme, double load, int requests) => new()
    {
        Scheme = scheme,
        Gateways = 1,
        Load = load,
        Requests = requests,
        CapacityBits = Ample,
        InitialBits = Ample,
        LowThresholdBits = 0,
        HighThresholdBits = 0,
        Seed = 7,
    };

    [Fact]
    public void Constant_Keys_Match_MD1_Pollaczek_Khinchine()
    {
        // D = 1024 / 1280 = 0.8 s, lambda = 0.75/s: rho = 0.6, W_q = lambda D^2 / (2 (1 - rho)) = 0.6 s, T = 1.4 s.
        var random = new Xoshiro256StarStar(11);
        double t = 0;
        var requests = Enumerable.Range(0, 200_000).Select(_ => Request(t += random.NextExponential(0.75), 1024)).ToArray();
        var result = Run(AmpleKeys(SchemeKind.S2, 0.75, 1), requests);
        Assert.Equal(1.4, result.MeanDelay, 1.4 * 0.04);
        Assert.Equal(0.4, result.SuccessRate, 0.01);
    }

    [Fact]
    public void Paper_Key_Mix_Matches_MG1_Pollaczek_Khinchine()
    {
        // K_qua uniform over 128..2048 bits: E[S] = 793.6/1280 = 0.62 s, E[S^2] = 5586944/5/1280^2 = 0.68200 s^2.
        // lambda = 1/s: rho = 0.62, W_q = 0.68200 / (2 * 0.38) = 0.89737 s, T = 1.51737 s.
        var result = RunPoisson(AmpleKeys(SchemeKind.S2, 1.0, 200_000));
        double expected = 0.62 + (0.682 / (2 * 0.38));
        Assert.Equal(expected, result.MeanDelay, expected * 0.05);
        Assert.Equal(0.38, result.SuccessRate, 0.01);
    }
}
