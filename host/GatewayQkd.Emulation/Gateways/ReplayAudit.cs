using System.Security.Cryptography;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>
/// Tells apart, for one emulated gateway, the two reasons a frame is refused as a replay (the firmware's one counter,
/// <c>GatewayCounter.RejectedReplay</c>, cannot: the bytes look alike to it): a <see cref="Redelivered"/> frame is
/// byte for byte one the gateway accepted before (MQTT QoS 1 is at-least-once: a broker redelivers a message whose
/// acknowledgement it did not get, e.g. NATS after its consumer's ack wait, 30 s by default, nats-io/nats-server
/// v2.9.10 server/mqtt.go:123-127; a publisher sends again what its broker did not acknowledge), harmless since it
/// was acted on once; a <see cref="Stale"/> frame was never accepted: its sender's counter had been overtaken, as
/// when an old owner's frames arrive after a new owner's. Emulation only (it keeps a hash per accepted frame).
/// Thread-safe.
/// </summary>
public sealed class ReplayAudit
{
    private readonly Lock _gate = new();
    private readonly HashSet<UInt128> _accepted = [];
    private readonly List<(ushort Sender, uint Counter)> _staleFrames = [];
    private readonly List<(long Timestamp, bool Stale)> _refusals = [];
    private long _redelivered;
    private long _stale;

    /// <summary>Gets the frames refused as replays that the gateway had accepted before (duplicates of the transport).</summary>
    public long Redelivered
    {
        get
        {
            lock (_gate)
            {
                return _redelivered;
            }
        }
    }

    /// <summary>Gets the frames refused as replays that the gateway never accepted (their counter was overtaken).</summary>
    public long Stale
    {
        get
        {
            lock (_gate)
            {
                return _stale;
            }
        }
    }

    /// <summary>Gets the sender and counter of the first stale frames (at most 32), to say whose frames came late.</summary>
    public IReadOnlyList<(ushort Sender, uint Counter)> StaleFrames
    {
        get
        {
            lock (_gate)
            {
                return [.. _staleFrames];
            }
        }
    }

    /// <summary>
    /// Gets when the first refusals (at most 4,096) happened (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>)
    /// and whether each was stale: to tell, say, a broker's redeliveries its ack wait after a node died from a handover.
    /// </summary>
    public IReadOnlyList<(long Timestamp, bool Stale)> Refusals
    {
        get
        {
            lock (_gate)
            {
                return [.. _refusals];
            }
        }
    }

    /// <summary>Records how the gateway judged <paramref name="payload"/>.</summary>
    public void Record(byte[] payload, FrameStatus status)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (status is not (FrameStatus.Ok or FrameStatus.Replayed))
        {
            return;
        }

        var digest = Digest(payload);
        lock (_gate)
        {
            if (status == FrameStatus.Ok)
            {
                _accepted.Add(digest);
            }
            else if (_accepted.Contains(digest))
            {
                _redelivered++;
                Note(false);
            }
            else
            {
                _stale++;
                Note(true);
                if (_staleFrames.Count < 32)
                {
                    var header = FrameHeader.ReadFrom(new FrameReader(payload, 0, payload.Length));
                    _staleFrames.Add((header.SenderId, header.Counter));
                }
            }
        }
    }

    private void Note(bool stale)
    {
        if (_refusals.Count < 4096)
        {
            _refusals.Add((System.Diagnostics.Stopwatch.GetTimestamp(), stale));
        }
    }

    // 128 bits of SHA-256: a collision would need 2^64 frames.
    private static UInt128 Digest(byte[] payload)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash);
    }
}
