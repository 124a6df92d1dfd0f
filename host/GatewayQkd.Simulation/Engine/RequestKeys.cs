using System.Runtime.CompilerServices;
using GatewayQkd.Core.Scheduling;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Workload;

namespace GatewayQkd.Simulation.Engine;

/// <summary>The <see cref="OrderKey"/> of a key request under each <see cref="RequestOrder"/>.</summary>
internal static class RequestKeys
{
    /// <summary>Destination ids stay below 2^21 (the gateway limit is 10^6), so K_sec can sit above them in one number.</summary>
    private const double SecurityStride = 2097152.0;

    /// <summary>Returns the key of a request that arrived in slot floor(arrival / <paramref name="slotTicks"/>).</summary>
    public static OrderKey Of(RequestOrder order, long slotTicks, WeightTable weights, in SimRequest r) =>
        InSlot(order, r.ArrivalTicks / slotTicks, weights, r);

    /// <summary>Returns the key of a request whose arrival slot index the caller already knows (see <see cref="SlotClock"/>).</summary>
    /// <remarks>Inlined, so that an engine compiled for one order (<see cref="DdkaTraits"/>) keeps only its case.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OrderKey InSlot(RequestOrder order, long slot, WeightTable weights, in SimRequest r)
    {
        return order switch
        {
            RequestOrder.Ddka or RequestOrder.DdkaOmegaZero => new OrderKey(slot, weights.Of(r.KQuaBits, r.KSec), r.ArrivalTicks, r.SensorId, r.RequestId),
            RequestOrder.ClusteredByDestination => new OrderKey(slot, r.DestinationGateway, r.ArrivalTicks, r.SensorId, r.RequestId),
            RequestOrder.ClusteredBySecurity => new OrderKey(slot, ((SecurityLevel.Highest - r.KSec) * SecurityStride) + r.DestinationGateway, r.ArrivalTicks, r.SensorId, r.RequestId),
            _ => new OrderKey(0, 0, r.ArrivalTicks, r.SensorId, r.RequestId),
        };
    }
}
