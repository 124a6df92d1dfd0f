using GatewayQkd.Adapters;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>
/// Frame openers: mutated sealed frames of every type (and random byte windows) into <see cref="FrameOpener.Open(byte[], int, int, int)"/>
/// and telemetry headers into <see cref="TelemetryCodec.ReadHeader"/>. Checks: no exception escapes (a telemetry header
/// may only refuse with FrameFormatException); a refused frame commits no replay mark and writes nothing; a frame that
/// opens is byte for byte the sealed one (anything else would be a forgery).
/// </summary>
public sealed class FrameFuzzTarget : FuzzTarget
{
    private const ushort Sender = 501;
    private const ushort Receiver = 7;
    private readonly FuzzStorage _storage = new();
    private readonly FrameKeys _keys;
    private readonly FrameSealer _sealer;
    private readonly FrameOpener _opener;
    private readonly ReplayGuard _guard;
    private uint _counter;

    /// <summary>Creates the target with one sender key and a receiver that accepts every sealed type.</summary>
    public FrameFuzzTarget()
    {
        var crypto = new HostCryptoPrimitives();
        var pairKey = Enumerable.Range(0, 32).Select(i => (byte)((i * 29) + 5)).ToArray();
        _keys = FrameKeys.Derive(crypto, pairKey);
        _sealer = new FrameSealer(crypto);
        var table = new PeerKeyTable(crypto);
        table.Add(Sender, pairKey);
        _guard = new ReplayGuard(_storage, "rg-fuzz");
        _opener = new FrameOpener(Receiver, crypto, table, _guard, FuzzSamples.SealedTypes);
    }

    /// <inheritdoc />
    public override string Name => "frames";

    /// <inheritdoc />
    public override string Description => "mutated sealed frames of every type into FrameOpener, and telemetry headers into TelemetryCodec";

    /// <inheritdoc />
    public override void RunCase(Random random)
    {
        var body = FuzzSamples.Bodies[random.Next(FuzzSamples.Bodies.Length)];
        var sealedFrame = _sealer.Seal(body, Sender, Receiver, ++_counter, _keys);
        var frame = random.Next(8) == 0 ? sealedFrame : Mutator.Mutate(sealedFrame, random);
        var mark = _guard.HighWaterMark(Sender);
        var commits = _storage.Commits;
        var offset = frame.Length > 0 && random.Next(8) == 0 ? random.Next(frame.Length) : 0;
        var opened = _opener.Open(frame, offset, frame.Length - offset, random.Next(4) == 0 ? random.Next(1000) : -1);
        if (!opened.IsOk && (_guard.HighWaterMark(Sender) != mark || _storage.Commits != commits))
        {
            throw new FuzzFailure($"a refused frame ({opened.Status}) changed the replay state");
        }

        if (opened.IsOk && (offset != 0 || !frame.AsSpan().SequenceEqual(sealedFrame)))
        {
            throw new FuzzFailure($"a mutated frame of {frame.Length} bytes was accepted: {Convert.ToHexString(frame)}");
        }

        var telemetry = Mutator.Mutate(FuzzSamples.Telemetry, random);
        try
        {
            TelemetryCodec.ReadHeader(telemetry, 0, telemetry.Length);
        }
        catch (FrameFormatException)
        {
            // the documented refusal
        }
    }
}
