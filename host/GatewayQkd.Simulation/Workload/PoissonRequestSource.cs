using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Workload;

/// <summary>
/// The paper's workload (s3.5 eq. (3), s4): Poisson arrivals at rate lambda = L_req / t_slot, source and destination
/// gateways uniform over 1..N (they may coincide: scenario (a)), K_sec uniform over 1..5, K_qua per
/// <see cref="KeyQuantityMode"/>. The sensor id is the source gateway and the request id counts from 1.
/// </summary>
public sealed class PoissonRequestSource : IRequestSource
{
    private readonly Xoshiro256StarStar _random;
    private readonly double _rate;
    private readonly int _gateways;
    private readonly KeyQuantityMode _mode;
    private readonly long _count;
    private long _issued;
    private double _clock;

    /// <summary>Creates the source from validated options.</summary>
    public PoissonRequestSource(SimulationOptions options)
    {
        _random = new Xoshiro256StarStar(options.Seed);
        _rate = options.Load / options.SlotSeconds;
        _gateways = options.Gateways;
        _mode = options.KeyQuantity;
        _count = options.Requests;
    }

    /// <inheritdoc />
    public long ExpectedCount => _count;

    /// <inheritdoc />
    public KeyRequest? Next()
    {
        if (_issued == _count)
        {
            return null;
        }

        _issued++;
        _clock += _random.NextExponential(_rate);
        int source = _random.NextInt(_gateways);
        int destination = _random.NextInt(_gateways);
        int kSec = 1 + _random.NextInt(SecurityLevel.Highest);
        int kQua = SecurityLevel.KeyBits(_mode == KeyQuantityMode.Level ? kSec : 1 + _random.NextInt(SecurityLevel.Highest));
        return new KeyRequest(source, _issued, source, destination, SimulationTime.ToUnits(_clock), kQua, kSec);
    }
}
