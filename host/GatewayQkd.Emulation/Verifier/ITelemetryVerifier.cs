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

    /// <summary>
    /// Verifies <paramref name="frames"/> as <see cref="Verify"/> would one after another (a second frame under a key
    /// the batch used is a replay), with one store commit for the whole batch; returns one status per frame, in order.
    /// </summary>
    IReadOnlyList<FrameStatus> VerifyBatch(IReadOnlyList<TelemetryFrame> frames);
}
