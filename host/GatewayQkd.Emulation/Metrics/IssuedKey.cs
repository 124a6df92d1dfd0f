using GatewayQkd.Core.Pool;

namespace GatewayQkd.Emulation.Metrics;

/// <summary>One key a sensor received: which run, which gateway, and its key id (peer stream, byte offset, byte length).</summary>
/// <param name="Run">The run (in the data folder's history) during which the sensor received it.</param>
/// <param name="GatewayId">The gateway that issued it.</param>
/// <param name="PeerId">The peer stream it came from.</param>
/// <param name="Offset">Its byte offset in that stream.</param>
/// <param name="Length">Its length in bytes.</param>
public sealed record IssuedKey(int Run, ushort GatewayId, ushort PeerId, uint Offset, int Length)
{
    /// <summary>Gets its length in bits.</summary>
    public long Bits => Length * 8L;

    /// <summary>Gets its key id as the pool names it.</summary>
    public KeyRange Range => new(PeerId, Offset, Length);
}
