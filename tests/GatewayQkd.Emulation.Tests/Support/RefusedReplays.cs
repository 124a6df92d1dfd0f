using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.Run;

namespace GatewayQkd.Emulation.Tests.Support;

/// <summary>
/// The frames a run's gateways refused as replays (their <see cref="GatewayCounter.RejectedReplay"/> counters), and why
/// (each gateway's <see cref="Gateways.ReplayAudit"/>): redelivered duplicates of accepted frames, or stale frames.
/// </summary>
internal static class RefusedReplays
{
    /// <summary>Returns the frames refused as replays, over every gateway of <paramref name="run"/>.</summary>
    public static long Total(EmulationRun run) =>
        run.Gateways.Sum(g => g.Read()!.Counters[(int)GatewayCounter.RejectedReplay]);

    /// <summary>Returns the refused frames the gateways had accepted before (the transport's at-least-once duplicates).</summary>
    public static long Redelivered(EmulationRun run) => run.Gateways.Sum(g => g.Replays.Redelivered);

    /// <summary>Returns the refused frames the gateways never accepted (a sender's counter overtaken: frames out of order).</summary>
    public static long Stale(EmulationRun run) => run.Gateways.Sum(g => g.Replays.Stale);

    /// <summary>Says which gateways refused stale frames, whose (sender id) and with which counters.</summary>
    public static string DescribeStale(EmulationRun run) => string.Join("; ", run.Gateways
        .Where(g => g.Replays.Stale > 0)
        .Select(g => $"gateway {g.Id}: {g.Replays.Stale} ({string.Join(", ", g.Replays.StaleFrames.Take(8).Select(f => $"{f.Sender}#{f.Counter}"))})"));

    /// <summary>Returns when (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>) the gateways refused stale frames.</summary>
    public static List<long> StaleTimes(EmulationRun run) =>
        [.. run.Gateways.SelectMany(g => g.Replays.Refusals).Where(r => r.Stale).Select(r => r.Timestamp).Order()];
}
