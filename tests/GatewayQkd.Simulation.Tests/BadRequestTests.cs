using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Workload;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>
/// A request source that breaks the run's terms (a gateway outside the run, K_qua outside 0..capacity, an arrival
/// before the previous one) stops the run with an error naming the request, wherever the request falls in the
/// simulator's read-ahead batches of 256.
/// </summary>
public sealed class BadRequestTests
{
    private static SimRequest Good(long i) => new(i * 1_000_000, 128, 1, (int)(i % 4), 0, 0, i + 1);

    private static InvalidOperationException Refusal(int at, Func<SimRequest, SimRequest> spoil)
    {
        var requests = Enumerable.Range(0, 600).Select(i => i == at ? spoil(Good(i)) : Good(i)).ToArray();
        var simulator = new Simulator(new SimulationOptions { Gateways = 4 }, new ArraySource(requests), TextWriter.Null);
        return Assert.Throws<InvalidOperationException>(() => simulator.Run());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(599)]
    public void Gateway_Outside_The_Run_Is_Refused(int at)
    {
        var error = Refusal(at, r => r with { SourceGateway = 4 });

        Assert.Equal($"Request {at + 1} names gateway 4, outside 0..3.", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5121)]
    [InlineData(int.MaxValue)]
    public void Key_Quantity_Outside_The_Pool_Is_Refused(int kQua)
    {
        var error = Refusal(300, r => r with { KQuaBits = kQua });

        Assert.Equal($"Request 301 is out of order or asks {kQua} bits (pool capacity 5120).", error.Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(256)]
    public void Arrival_Before_The_Previous_One_Is_Refused(int at)
    {
        var error = Refusal(at, r => r with { ArrivalTicks = r.ArrivalTicks - 1_500_000 });

        Assert.Equal($"Request {at + 1} is out of order or asks 128 bits (pool capacity 5120).", error.Message);
    }

    [Fact]
    public void A_Source_Within_The_Terms_Runs_To_The_End()
    {
        var requests = Enumerable.Range(0, 600).Select(i => Good(i)).ToArray();

        var result = new Simulator(new SimulationOptions { Gateways = 4 }, new ArraySource(requests), TextWriter.Null).Run();

        Assert.Equal(600, result.Requests);
    }

    /// <summary>Replays requests as given, unsorted (the list source sorts by arrival, so it cannot be out of order).</summary>
    private sealed class ArraySource(SimRequest[] requests) : IRequestSource
    {
        private int _next;

        public long ExpectedCount => requests.Length;

        public bool TryNext(out SimRequest request)
        {
            if (_next == requests.Length)
            {
                request = default;
                return false;
            }

            request = requests[_next++];
            return true;
        }
    }
}
