using GatewayQkd.Emulation.Metrics;

namespace GatewayQkd.Emulation.Scenario;

/// <summary>Per-phase, per-K_sec statistics of the emulation's requests (<see cref="RequestRecord"/>), each request in the phase it was sent in.</summary>
public static class ScenarioStatistics
{
    /// <summary>Returns the statistics of the requests of <paramref name="gateways"/> (null = all), phases in order, K_sec ascending.</summary>
    public static IReadOnlyList<PhaseLevelStats> Of(IReadOnlyList<RequestRecord> requests, ScenarioPhases phases, IReadOnlyCollection<ushort>? gateways = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(phases);
        var chosen = requests.Where(r => gateways is null || gateways.Contains(r.GatewayId));
        var order = ScenarioPhases.Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        return [.. chosen
            .GroupBy(r => (Phase: phases.PhaseOf(r.SentSeconds), r.SecurityLevel))
            .OrderBy(g => order[g.Key.Phase]).ThenBy(g => g.Key.SecurityLevel)
            .Select(g =>
            {
                var served = g.Where(r => r.Served).ToArray();
                var delays = served.Select(r => r.DelaySeconds).Order().ToArray();
                return new PhaseLevelStats(
                    g.Key.Phase,
                    g.Key.SecurityLevel,
                    g.Count(),
                    served.Length,
                    delays.Length == 0 ? double.NaN : delays.Average(),
                    delays.Length == 0 ? double.NaN : delays[Math.Min(delays.Length - 1, (int)Math.Ceiling(0.9 * delays.Length) - 1)],
                    served.Length == 0 ? double.NaN : (double)served.Count(r => !r.Waited) / served.Length);
            })];
    }

    /// <summary>
    /// Checks DDKA's order (s3.3: arrival slot first, then est(K) of eq. (5) ascending) on the requests served while
    /// their gateway was under a weather event: over every pair of such requests of one gateway from one arrival slot
    /// (slot of the sent time) with different K_sec, the share in which the higher K_sec was served first. With
    /// w near 1, eq. (5) ranks by K_sec, so DDKA gives nearly 1 (less where a request the pool cannot cover waits while
    /// smaller, lower-K_sec ones behind it are served: RequestScheduler.ServeFinishedSlots); a FIFO queue gives about one half.
    /// </summary>
    public static (long Pairs, double HigherFirstShare) HigherSecurityFirst(IReadOnlyList<RequestRecord> requests, ScenarioPhases phases, double slotSeconds)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(phases);
        bool Covered(RequestRecord r) => phases.Outages.TryGetValue(r.GatewayId, out var intervals) && intervals.Any(i => r.ServedSeconds >= i.Start && r.SentSeconds < i.End);
        long pairs = 0, higherFirst = 0;
        foreach (var group in requests.Where(r => r.Served && Covered(r)).GroupBy(r => (r.GatewayId, Slot: Math.Floor(r.SentSeconds / slotSeconds))))
        {
            var list = group.ToArray();
            for (var i = 0; i < list.Length; i++)
            {
                for (var j = i + 1; j < list.Length; j++)
                {
                    if (list[i].SecurityLevel == list[j].SecurityLevel)
                    {
                        continue;
                    }

                    var (high, low) = list[i].SecurityLevel > list[j].SecurityLevel ? (list[i], list[j]) : (list[j], list[i]);
                    pairs++;
                    higherFirst += high.ServedOrder < low.ServedOrder ? 1 : 0;
                }
            }
        }

        return (pairs, pairs == 0 ? double.NaN : (double)higherFirst / pairs);
    }
}
