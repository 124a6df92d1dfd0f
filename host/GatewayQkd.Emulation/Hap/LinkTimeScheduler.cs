namespace GatewayQkd.Emulation.Hap;

/// <summary>
/// Shares the HAP's link time among its gateways for one interval. The HAP has <see cref="Terminals"/> optical
/// terminals, each pointing at one gateway at a time and switching within an interval (time slicing), so an interval of
/// dt seconds gives terminals x dt seconds of link time and at most dt per gateway. Supplement requests are served first, in the DDKA order they come in (paper s3.5:
/// supplements are ordered like key requests), each for the time its missing bits take at its link's rate; the time
/// left is shared equally (water-filling) among gateways whose pools can take more: the paper's idle-slot replenishment.
/// </summary>
/// <remarks>Deterministic, and its results depend on its arguments only (its scratch arrays carry nothing between calls); not thread-safe; the caller owns the supplement queue and its order.</remarks>
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

    // Scratch of the positional form, kept between calls (the HAP's run loop is its only caller at a time).
    private double[] _cap = [];
    private int[] _open = [];

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
        var n = gateways.Count;
        var position = new Dictionary<ushort, int>(n);
        var rates = new double[n];
        var accepts = new bool[n];
        var room = roomBits is null ? null : new double[n];
        for (var i = 0; i < n; i++)
        {
            var g = gateways[i];
            position.Add(g, i); // a gateway listed twice is a caller's bug (throws, as ToDictionary did)
            rates[i] = rate(g);
            accepts[i] = canAccept(g);
            if (room is not null)
            {
                room[i] = rates[i] > 0 ? roomBits!(g) : 0;
            }
        }

        var demands = new List<(int Position, double BitsNeeded)>(supplements.Count);
        foreach (var demand in supplements)
        {
            demands.Add((position.GetValueOrDefault(demand.GatewayId, -1), demand.BitsNeeded));
        }

        var time = new double[n];
        Allocate(dt, rates, accepts, room, demands, time);
        var given = new Dictionary<ushort, double>(n);
        for (var i = 0; i < n; i++)
        {
            given[gateways[i]] = time[i];
        }

        return given;
    }

    /// <summary>
    /// The same sharing over gateways by position (0..n-1), into <paramref name="given"/>, allocating nothing once its
    /// scratch has grown to n: the HAP calls it every 20 ms step for every gateway, and the dictionaries of the keyed
    /// form were 1.4-2.9 KB per key delivered at 1,000 gateways (`bench capacity` allocation table).
    /// </summary>
    /// <param name="dt">The interval in emulated seconds (non-negative).</param>
    /// <param name="rate">Each gateway's key rate now in bit/s (0 = link down).</param>
    /// <param name="canAccept">Whether each gateway's pool can take more key now.</param>
    /// <param name="roomBits">The bits each pool can still take, or null for no limit.</param>
    /// <param name="supplements">Supplements in DDKA order, by gateway position (-1: not one of these gateways, skipped).</param>
    /// <param name="given">Receives each gateway's link seconds (length n).</param>
    public void Allocate(double dt, double[] rate, bool[] canAccept, double[]? roomBits, IReadOnlyList<(int Position, double BitsNeeded)> supplements, double[] given)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(canAccept);
        ArgumentNullException.ThrowIfNull(supplements);
        ArgumentNullException.ThrowIfNull(given);
        ArgumentOutOfRangeException.ThrowIfNegative(dt);
        var n = given.Length;
        if (rate.Length != n || canAccept.Length != n || (roomBits is not null && roomBits.Length != n))
        {
            throw new ArgumentException("rate, canAccept, roomBits and given must have one entry per gateway.", nameof(given));
        }

        if (_cap.Length < n)
        {
            _cap = new double[n];
            _open = new int[n];
        }

        for (var i = 0; i < n; i++)
        {
            given[i] = 0;
            _cap[i] = roomBits is null || rate[i] <= 0 ? dt : Math.Clamp(roomBits[i] / rate[i], 0, dt);
        }

        var budget = Terminals * dt;
        foreach (var (g, bitsNeeded) in supplements)
        {
            if (budget <= 0)
            {
                break;
            }

            if (g < 0 || g >= n || rate[g] <= 0 || !canAccept[g])
            {
                continue;
            }

            var time = Math.Min(Math.Min(_cap[g] - given[g], bitsNeeded / rate[g]), budget);
            if (time <= 0)
            {
                continue;
            }

            given[g] += time;
            budget -= time;
        }

        // Idle replenishment: water-fill the rest equally among gateways that can take key, each up to its cap (<= dt).
        var open = 0;
        for (var i = 0; i < n; i++)
        {
            if (rate[i] > 0 && canAccept[i] && given[i] < _cap[i])
            {
                _open[open++] = i;
            }
        }

        while (budget > 1e-12 && open > 0)
        {
            var share = budget / open;
            for (var k = 0; k < open; k++)
            {
                var g = _open[k];
                var time = Math.Min(share, _cap[g] - given[g]);
                given[g] += time;
                budget -= time;
            }

            var still = 0;
            for (var k = 0; k < open; k++)
            {
                if (!(given[_open[k]] >= _cap[_open[k]] - 1e-12))
                {
                    _open[still++] = _open[k];
                }
            }

            open = still;
        }
    }
}
