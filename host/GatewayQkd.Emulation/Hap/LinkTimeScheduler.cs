namespace GatewayQkd.Emulation.Hap;

/// <summary>
/// Shares the HAP's link time among its gateways for one interval. The HAP has <see cref="Terminals"/> optical
/// terminals, each pointing at one gateway at a time and switching within an interval (time slicing), so an interval of
/// dt seconds gives terminals x dt seconds of link time and at most dt per gateway. Supplement requests are served first, in the DDKA order they come in (paper s3.5:
/// supplements are ordered like key requests), each for the time its missing bits take at its link's rate; the time
/// left is shared equally (water-filling) among gateways whose pools can take more: the paper's idle-slot replenishment.
/// </summary>
/// <remarks>Pure and deterministic; the caller owns the supplement queue and its order.</remarks>
public sealed class LinkTimeScheduler
{
    /// <summary>Creates a scheduler for a HAP with <paramref name="terminals"/> optical terminals (at least 1).</summary>
    public LinkTimeScheduler(int terminals)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(terminals, 1);
        Terminals = terminals;
    }

    /// <summary>Gets the number of gateways the HAP can serve at once.</summary>
    public int Terminals { get; }

    /// <summary>
    /// Returns the link seconds each gateway gets in an interval of <paramref name="dt"/> seconds.
    /// </summary>
    /// <param name="dt">The interval in emulated seconds (non-negative).</param>
    /// <param name="gateways">Every gateway the HAP serves.</param>
    /// <param name="supplements">Supplements in DDKA order (first = served first).</param>
    /// <param name="rate">Each gateway's key rate now in bit/s (0 = link down: gets no time).</param>
    /// <param name="canAccept">Whether a gateway's pool can take more key now (a full pool gets no idle time).</param>
    /// <param name="roomBits">
    /// The key bits a gateway's pool can still take (null = no limit): its link time is capped at what fills that
    /// room at its rate, so the HAP never spends link time on key nobody can store (and the time it reports as spent,
    /// the time series' link_share, is the time the delivered key took).
    /// </param>
    public Dictionary<ushort, double> Allocate(double dt, IReadOnlyList<ushort> gateways, IReadOnlyList<LinkDemand> supplements, Func<ushort, double> rate, Func<ushort, bool> canAccept, Func<ushort, double>? roomBits = null)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        ArgumentNullException.ThrowIfNull(supplements);
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(canAccept);
        ArgumentOutOfRangeException.ThrowIfNegative(dt);
        var given = gateways.ToDictionary(g => g, _ => 0.0);
        var cap = gateways.ToDictionary(g => g, g => roomBits is null || rate(g) <= 0 ? dt : Math.Clamp(roomBits(g) / rate(g), 0, dt));
        var budget = Terminals * dt;

        foreach (var demand in supplements)
        {
            if (budget <= 0)
            {
                break;
            }

            if (!given.TryGetValue(demand.GatewayId, out var already) || rate(demand.GatewayId) <= 0 || !canAccept(demand.GatewayId))
            {
                continue;
            }

            var time = Math.Min(Math.Min(cap[demand.GatewayId] - already, demand.BitsNeeded / rate(demand.GatewayId)), budget);
            if (time <= 0)
            {
                continue;
            }

            given[demand.GatewayId] = already + time;
            budget -= time;
        }

        // Idle replenishment: water-fill the rest equally among gateways that can take key, each up to its cap (<= dt).
        var open = gateways.Where(g => rate(g) > 0 && canAccept(g) && given[g] < cap[g]).ToList();
        while (budget > 1e-12 && open.Count > 0)
        {
            var share = budget / open.Count;
            foreach (var g in open)
            {
                var time = Math.Min(share, cap[g] - given[g]);
                given[g] += time;
                budget -= time;
            }

            open.RemoveAll(g => given[g] >= cap[g] - 1e-12);
        }

        return given;
    }
}
