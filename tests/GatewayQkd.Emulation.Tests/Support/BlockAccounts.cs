using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.CentralServer;
using GatewayQkd.Emulation.Run;

namespace GatewayQkd.Emulation.Tests.Support;

/// <summary>
/// Every key block of a run accounted for: each block the central store holds for a gateway is either acknowledged
/// (then the gateway stored it exactly once) or still unacknowledged in the store (to be pushed again); a block stored
/// twice, or acknowledged without being stored, shows as a mismatch.
/// </summary>
internal static class BlockAccounts
{
    /// <summary>Ticks the gateways and pushes overdue blocks again until the store holds none unacknowledged, at most <paramref name="limit"/>.</summary>
    public static async Task SettleAsync(EmulationRun run, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && Unacknowledged(run) > 0)
        {
            run.Tick(sensorsActive: false);
            run.KeyStreams.ResendOverdue(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }
    }

    /// <summary>Returns the blocks the store holds unacknowledged, over every gateway.</summary>
    public static long Unacknowledged(EmulationRun run) =>
        run.Gateways.Sum(g => run.Store.GetCounts(g.Id, CentralServerNode.AuthorityId) is var c ? c.Blocks - c.AcknowledgedBlocks : 0);

    /// <summary>
    /// Returns one line per gateway whose blocks do not add up: stored by the gateway fewer than acknowledged in the
    /// store, more than the store ever issued, or (with none left unacknowledged) not exactly the acknowledged ones.
    /// </summary>
    public static IReadOnlyList<string> Mismatches(EmulationRun run)
    {
        var lines = new List<string>();
        foreach (var gateway in run.Gateways)
        {
            var counts = run.Store.GetCounts(gateway.Id, CentralServerNode.AuthorityId);
            var stored = gateway.Read()?.Counters[(int)GatewayCounter.BlocksStored] ?? 0;
            var unacknowledged = counts.Blocks - counts.AcknowledgedBlocks;
            var ok = unacknowledged == 0 ? stored == counts.AcknowledgedBlocks : stored >= counts.AcknowledgedBlocks && stored <= counts.Blocks;
            if (!ok)
            {
                lines.Add($"gateway {gateway.Id}: stored {stored}, store has {counts.Blocks} blocks, {counts.AcknowledgedBlocks} acknowledged");
            }
        }

        return lines;
    }
}
