using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.Verifier;

/// <summary>The central server's check of sensor telemetry encrypted with quantum keys.</summary>
public interface ITelemetryVerifier
{
    /// <summary>
    /// Verifies one telemetry frame published on <paramref name="address"/>'s topic. Returns <see cref="FrameStatus.Ok"/>
    /// when it decrypted and authenticated under an unused key (now used); anything else was refused, counted and
    /// logged, and changed nothing.
    /// </summary>
    FrameStatus Verify(TopicAddress address, byte[] payload);
}
