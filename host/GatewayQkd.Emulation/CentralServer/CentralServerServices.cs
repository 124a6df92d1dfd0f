using GatewayQkd.Core.Ports;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// What the central server's parts (<see cref="KeyStreamServer"/>, <see cref="Verifier.TelemetryVerifier"/>) work
/// with, as one parameter object: the durable central key store, the storage of the authority's frame counters and
/// replay marks, crypto and randomness, the bus, the log, the run's counters and telemetry pairing, and the clock.
/// </summary>
/// <param name="Store">The central key store (durable before a block leaves).</param>
/// <param name="Storage">Storage of the authority's send counters and replay marks.</param>
/// <param name="Crypto">AES and HMAC primitives.</param>
/// <param name="Random">Key material and wrap salts.</param>
/// <param name="Bus">The central server's MQTT connection.</param>
/// <param name="Log">The run's log.</param>
/// <param name="Counters">The run's counters.</param>
/// <param name="Telemetry">Pairs sent and verified telemetry.</param>
/// <param name="Time">The run's clock (resend timing, last heard).</param>
public sealed record CentralServerServices(
    CentralKeyStore Store,
    IKeyStorage Storage,
    ICryptoPrimitives Crypto,
    IRandomSource Random,
    IMessageBus Bus,
    ILog Log,
    RunCounters Counters,
    TelemetryTracker Telemetry,
    TimeProvider Time)
{
    /// <summary>Throws <see cref="ArgumentNullException"/> naming the first missing service.</summary>
    public void ThrowIfIncomplete()
    {
        ArgumentNullException.ThrowIfNull(Store);
        ArgumentNullException.ThrowIfNull(Storage);
        ArgumentNullException.ThrowIfNull(Crypto);
        ArgumentNullException.ThrowIfNull(Random);
        ArgumentNullException.ThrowIfNull(Bus);
        ArgumentNullException.ThrowIfNull(Log);
        ArgumentNullException.ThrowIfNull(Counters);
        ArgumentNullException.ThrowIfNull(Telemetry);
        ArgumentNullException.ThrowIfNull(Time);
    }
}
