using GatewayQkd.Core.Scheduling;
using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Workload;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>The simulator's precomputed DDKA order keys rank requests exactly as the core's DdkaOrderComparer.</summary>
public sealed class OrderEquivalenceTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.97)]
    [InlineData(1.0)]
    public void Ddka_Order_Keys_Sort_Like_The_Core_Comparer(double w)
    {
        const long slot = 1_000;
        var random = new Xoshiro256StarStar(17);
        var requests = new List<KeyRequest>();
        for (int i = 0; i < 3000; i++)
        {
            // Few distinct times and senders, so slots, est ties and every tie-break key are exercised.
            int kSec = random.NextInt(6);
            int kQua = kSec == 0 ? 0 : SecurityLevel.KeyBits(1 + random.NextInt(5));
            requests.Add(new KeyRequest(random.NextInt(3), random.NextInt(4), 0, random.NextInt(3), random.NextInt(40) * 100, kQua, kSec));
        }

        object[] expected = requests.Cast<object>().ToArray();
        StableSort.Sort(expected, expected.Length, new DdkaOrderComparer(slot, w));

        var weights = new WeightTable(w);
        var ring = new OrderedRing<Entry>(4);
        foreach (var r in requests)
        {
            var sim = new SimRequest(r.ArrivalTime, r.KQuaBits, r.KSec, 0, r.DestinationGateway, r.SensorId, r.RequestId);
            ring.Insert(new Entry(RequestKeys.Of(RequestOrder.Ddka, slot, weights, sim), r));
        }

        var actual = Enumerable.Range(0, ring.Count).Select(i => ring.At(i).Request).ToArray();
        Assert.Equal(expected.Cast<KeyRequest>(), actual);
    }

    private readonly record struct Entry(OrderKey Key, KeyRequest Request) : IOrdered;
}
