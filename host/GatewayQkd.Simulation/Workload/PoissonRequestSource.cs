using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Workload;

/// <summary>
/// The paper's workload (s3.5 eq. (3), s4): Poisson arrivals at rate lambda = L_req / t_slot, source and destination
/// gateways uniform over 1..N (they may coincide: scenario (a)), K_sec uniform over 1..5, K_qua per
/// <see cref="KeyQuantityMode"/> and <see cref="LoadMeaning"/>. The sensor id is the source gateway and the request
/// id counts from 1. The clock is an integer tick count: each exponential gap is rounded to a tick (10 ns) and added,
/// so arrival times never lose precision however long the run. Gaps come from <see cref="ExponentialZiggurat"/>.
/// </summary>
public sealed class PoissonRequestSource : IRequestSource
{
    private Xoshiro256State _random;
    private readonly double _meanGapTicks;
    private readonly ulong _gateways;
    private readonly KeyQuantityMode _mode;
    private readonly long _count;
    private readonly int[] _bitsOfLevel = new int[SecurityLevel.Highest + 1];
    private long _issued;
    private long _clock;

    /// <summary>Creates the source from validated options.</summary>
    public PoissonRequestSource(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _random = new Xoshiro256State(options.Seed);
        _meanGapTicks = SimulationTime.TicksPerSecond * options.SlotSeconds / options.Load;
        _gateways = (ulong)options.Gateways;
        _mode = options.KeyQuantity;
        _count = options.Requests;
        for (int level = 1; level <= SecurityLevel.Highest; level++)
        {
            _bitsOfLevel[level] = options.KeyBitsOf(level);
        }
    }

    /// <inheritdoc />
    public long ExpectedCount => _count;

    /// <inheritdoc />
    public bool TryNext(out SimRequest request)
    {
        request = default;
        return Fill(new Span<SimRequest>(ref request)) == 1;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The generator's state, the clock and the count are copied into locals for the batch and written back once, so
    /// the JIT keeps them in registers: drawn through the fields, each of the three 64-bit draws per request loaded and
    /// stored the four state words (about 20 of 30 ns per request at the time, against 14 ns from locals). The
    /// ziggurat's rare second step runs on the field (written back first), so the local's address is never taken.
    /// </remarks>
    public int Fill(Span<SimRequest> buffer)
    {
        int count = (int)Math.Min(buffer.Length, _count - _issued);
        Xoshiro256State random = _random;
        long clock = _clock;
        long issued = _issued;
        for (int i = 0; i < count; i++)
        {
            ulong bits = random.NextUInt64();
            if (!ExponentialZiggurat.TryAccept(bits, out double gap))
            {
                _random = random;
                gap = ExponentialZiggurat.Rejected(ref _random, bits);
                random = _random;
            }

            clock += (long)Math.Round(gap * _meanGapTicks);

            // One 64-bit draw gives both gateways (multiply-shift on each 32-bit half, bias below N / 2^32), a third the levels.
            ulong pair = random.NextUInt64();
            int source = (int)(((pair >> 32) * _gateways) >> 32);
            int destination = (int)(((pair & 0xFFFFFFFFUL) * _gateways) >> 32);
            ulong levels = random.NextUInt64();
            int kSec = 1 + (int)(((levels >> 32) * SecurityLevel.Highest) >> 32);
            int quantityLevel = _mode == KeyQuantityMode.Level ? kSec : 1 + (int)(((levels & 0xFFFFFFFFUL) * SecurityLevel.Highest) >> 32);
            buffer[i] = new SimRequest(clock, _bitsOfLevel[quantityLevel], kSec, source, destination, source, ++issued);
        }

        _random = random;
        _clock = clock;
        _issued = issued;
        return count;
    }
}
