using System.Collections.Concurrent;
using GatewayQkd.Core.Pool;

namespace GatewayQkd.Emulation.Metrics;

/// <summary>
/// Pairs what sensors sent with what the central server decrypted: the plaintext per key id and the publish time,
/// so a run can check independently that each verified message is the one sent and measure telemetry latency.
/// Thread-safe.
/// </summary>
public sealed class TelemetryTracker
{
    private readonly ConcurrentDictionary<(ushort Gateway, KeyRange Key), (byte[] Plaintext, long Ticks)> _sent = new();
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<ushort, long> _verifiedPerGateway = new();
    private long _mismatches;

    /// <summary>Creates a tracker timing latencies with <paramref name="time"/> (default: the system's clock).</summary>
    public TelemetryTracker(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Gets the end-to-end latency (publish to verification, wall-clock ms).</summary>
    public LatencyRecorder Latency { get; } = new();

    /// <summary>Gets the number of verified messages whose plaintext differed from what the sensor sent.</summary>
    public long Mismatches => Interlocked.Read(ref _mismatches);

    /// <summary>Gets the number of sent messages not verified yet.</summary>
    public int Outstanding => _sent.Count;

    /// <summary>Returns the messages of gateway <paramref name="gatewayId"/>'s sensors verified so far.</summary>
    public long VerifiedFor(ushort gatewayId) => _verifiedPerGateway.TryGetValue(gatewayId, out var count) ? count : 0;

    /// <summary>Records a message a sensor published under key <paramref name="key"/> of gateway <paramref name="gatewayId"/>.</summary>
    public void Sent(ushort gatewayId, KeyRange key, byte[] plaintext) =>
        _sent[(gatewayId, key)] = ((byte[])plaintext.Clone(), _time.GetTimestamp());

    /// <summary>Records a verified message; returns whether it matches a sent one (a mismatch is counted).</summary>
    public bool Verified(ushort gatewayId, KeyRange key, byte[] plaintext)
    {
        if (_sent.TryRemove((gatewayId, key), out var sent) && sent.Plaintext.AsSpan().SequenceEqual(plaintext))
        {
            Latency.Record(_time.GetElapsedTime(sent.Ticks).TotalMilliseconds);
            _verifiedPerGateway.AddOrUpdate(gatewayId, 1, (_, n) => n + 1);
            return true;
        }

        Interlocked.Increment(ref _mismatches);
        return false;
    }
}
