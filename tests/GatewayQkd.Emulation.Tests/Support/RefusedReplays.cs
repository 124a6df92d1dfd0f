using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.Run;

namespace GatewayQkd.Emulation.Tests.Support;

/// <summary>The frames a run's gateways refused as replays (their <see cref="GatewayCounter.RejectedReplay"/> counters).</summary>
internal static class RefusedReplays
{
    /// <summary>Returns the frames refused as replays, over every gateway of <paramref name="run"/>.</summary>
    public static long Total(EmulationRun run) =>
        run.Gateways.Sum(g => g.Read()!.Counters[(int)GatewayCounter.RejectedReplay]);
}
