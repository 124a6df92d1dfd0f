using System.Runtime.CompilerServices;
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
    private readonly Xoshiro256StarStar _random;
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
        _random = new Xoshiro256StarStar(options.Seed);
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
        if (_issued == _count)
        {
            request = default;
            return false;
        }

        request = Draw();
        return true;
    }

    /// <inheritdoc />
    public int Fill(Span<SimRequest> buffer)
    {
        int count = (int)Math.Min(buffer.Length, _count - _issued);
        for (int i = 0; i < count; i++)
        {
            buffer[i] = Draw();
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private SimRequest Draw()
    {
        _issued++;
        _clock += (long)Math.Round(ExponentialZiggurat.Next(_random) * _meanGapTicks);

        // One 64-bit draw gives both gateways (multiply-shift on each 32-bit half, bias below N / 2^32), a third the levels.
        ulong pair = _random.NextUInt64();
        int source = (int)(((pair >> 32) * _gateways) >> 32);
        int destination = (int)(((pair & 0xFFFFFFFFUL) * _gateways) >> 32);
        ulong levels = _random.NextUInt64();
        int kSec = 1 + (int)(((levels >> 32) * SecurityLevel.Highest) >> 32);
        int quantityLevel = _mode == KeyQuantityMode.Level ? kSec : 1 + (int)(((levels & 0xFFFFFFFFUL) * SecurityLevel.Highest) >> 32);
        return new SimRequest(_clock, _bitsOfLevel[quantityLevel], kSec, source, destination, source, _issued);
    }
}
