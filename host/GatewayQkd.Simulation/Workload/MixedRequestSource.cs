namespace GatewayQkd.Simulation.Workload;

/// <summary>
/// A workload with a traffic mix per gateway (a scenario's sites, docs/simulation.md): gateway g's requests arrive as
/// its own Poisson process between <c>start</c> and <c>end</c> seconds, K_sec uniform over its levels, K_qua from a
/// K_sec-to-bits function (the emulation's, so both size keys alike), source = destination = g (scenario (a)).
/// The streams are drawn up front and merged by arrival (ties by gateway), so the source is reproducible per seed.
/// </summary>
public sealed class MixedRequestSource : IRequestSource
{
    private readonly SimRequest[] _requests;
    private int _next;

    /// <summary>Creates the requests of <paramref name="traffic"/> (index = gateway) in [start, end) seconds.</summary>
    public MixedRequestSource(IReadOnlyList<GatewayTraffic> traffic, double startSeconds, double endSeconds, Func<int, int> keyBitsOfLevel, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        ArgumentNullException.ThrowIfNull(keyBitsOfLevel);
        if (!(endSeconds > startSeconds) || !(startSeconds >= 0))
        {
            throw new SimulationOptionsException("--scenario", $"a phase must end after it starts (got {startSeconds} s to {endSeconds} s).");
        }

        var random = new Xoshiro256StarStar(seed);
        var all = new List<SimRequest>();
        for (var g = 0; g < traffic.Count; g++)
        {
            var t = traffic[g];
            if (!(t.MeanIntervalSeconds > 0) || t.SecurityLevels.Count == 0)
            {
                throw new SimulationOptionsException("--scenario", $"gateway {g + 1} needs a positive request interval and at least one K_sec level.");
            }

            var clock = SimulationTime.ToTicks(startSeconds);
            var end = SimulationTime.ToTicks(endSeconds);
            var meanGapTicks = SimulationTime.TicksPerSecond * t.MeanIntervalSeconds;
            while (true)
            {
                clock += (long)Math.Round(ExponentialZiggurat.Next(random) * meanGapTicks);
                if (clock >= end)
                {
                    break;
                }

                var level = t.SecurityLevels[(int)((random.NextUInt64() >> 33) % (ulong)t.SecurityLevels.Count)];
                all.Add(new SimRequest(clock, keyBitsOfLevel(level), level, g, g, g, 0));
            }
        }

        _requests = [.. all.OrderBy(r => r.ArrivalTicks).ThenBy(r => r.SourceGateway).Select((r, i) => r with { RequestId = i + 1 })];
    }

    /// <inheritdoc />
    public long ExpectedCount => _requests.Length;

    /// <inheritdoc />
    public bool TryNext(out SimRequest request)
    {
        if (_next == _requests.Length)
        {
            request = default;
            return false;
        }

        request = _requests[_next++];
        return true;
    }
}
