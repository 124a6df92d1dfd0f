using GatewayQkd.Adapters;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>
/// The gateway service: mutated key block deliveries and key requests (and valid ones, so the pool and queue have
/// state to lose), on their own and on mutated topics, into <see cref="GatewayService.HandleMessage"/>, with slots
/// ticking. Checks: no exception escapes; an input refused leaves the pool (available and held bits, stream
/// positions), the request queue and the storage (no commit) exactly as they were.
/// </summary>
public sealed class GatewayFuzzTarget : FuzzTarget
{
    private const ushort GatewayId = 7;
    private static readonly ushort[] Sensors = [101, 102, 103, 104];
    private readonly FuzzStorage _storage = new();
    private readonly FuzzPorts _ports = new();
    private readonly GatewayService _service;
    private readonly AuthorityLink _authority;
    private readonly FrameSealer _sealer;
    private readonly Dictionary<ushort, FrameKeys> _sensorKeys = [];
    private readonly Dictionary<ushort, uint> _sensorCounters = [];
    private uint _nextBlock;

    /// <summary>Creates a gateway with four sensors on RAM storage.</summary>
    public GatewayFuzzTarget()
    {
        var crypto = new HostCryptoPrimitives();
        var linkKey = Key(0xA0);
        var config = new GatewayConfig { GatewayId = GatewayId, LinkKey = linkKey, StatusIntervalMilliseconds = 0, CapacityBits = 8192 };
        foreach (var sensor in Sensors)
        {
            config.AddSensor(sensor, Key((byte)sensor));
            _sensorKeys[sensor] = FrameKeys.Derive(crypto, Key((byte)sensor));
        }

        _service = new GatewayService(config, _storage, crypto, new GatewayQkd.Adapters.CryptoRandomSource(), _ports, _ports, _ports, _ports);
        _service.Start();
        _authority = new AuthorityLink(0, GatewayId, linkKey, crypto, new GatewayQkd.Adapters.CryptoRandomSource(), new FuzzStorage(), 256);
        _sealer = new FrameSealer(crypto);
    }

    /// <inheritdoc />
    public override string Name => "gateway";

    /// <inheritdoc />
    public override string Description => "mutated block deliveries and key requests (and topics) into GatewayService.HandleMessage, slots ticking";

    /// <inheritdoc />
    public override void RunCase(Random random)
    {
        string topic;
        byte[] frame;
        var sensor = Sensors[random.Next(Sensors.Length)];
        if (random.Next(2) == 0)
        {
            topic = Topics.Blocks(GatewayId);
            var material = new byte[random.Next(1, 129)];
            random.NextBytes(material);
            var id = random.Next(4) == 0 ? (uint)random.Next(16) : _nextBlock;
            frame = _authority.SealBlock(new KeyBlock(0, id, (uint)(_service.Pool.StreamEnd(0)), material));
        }
        else
        {
            topic = Topics.Request(GatewayId, sensor);
            var counter = _sensorCounters[sensor] = _sensorCounters.GetValueOrDefault(sensor) + 1;
            var body = new KeyRequestMessage((uint)random.Next(), 0, random.Next(1, 6), 8 * random.Next(1, 65));
            frame = _sealer.Seal(body, sensor, GatewayId, counter, _sensorKeys[sensor]);
        }

        var valid = random.Next(6) == 0;
        var payload = valid ? frame : Mutator.Mutate(frame, random);
        if (!valid && random.Next(8) == 0)
        {
            topic = Mutator.Mutate(topic, random);
        }

        var before = State();
        var status = _service.HandleMessage(topic, payload);
        if (status != FrameStatus.Ok && State() != before)
        {
            throw new FuzzFailure($"a refused message ({status}) on '{topic}' changed the gateway: {before} -> {State()}");
        }

        if (status == FrameStatus.Ok && topic.StartsWith(Topics.Blocks(GatewayId), StringComparison.Ordinal) && _service.Pool.NextBlockId(0) > _nextBlock)
        {
            _nextBlock = _service.Pool.NextBlockId(0);
        }

        if (random.Next(16) == 0)
        {
            _ports.NowMilliseconds += 1000;
            _service.Tick(_ports.NowMilliseconds);
        }
    }

    private (long Available, long Held, long StreamEnd, long ConsumedEnd, int Queue, long Commits) State() =>
        (_service.Pool.TotalAvailableBits, _service.Pool.TotalHeldBits, _service.Pool.StreamEnd(0), _service.Pool.ConsumedEnd(0), _service.QueueLength, _storage.Commits);

    private static byte[] Key(byte seed) => [.. Enumerable.Range(0, 32).Select(i => (byte)(seed ^ (i * 13)))];
}
