namespace GatewayQkd.Emulation.Metrics;

/// <summary>What a run counts; the report lists each with its snake_case name (docs/emulation.md s5).</summary>
public enum RunCounter
{
    /// <summary>Key bits the HAP generated and stored in the central key store.</summary>
    KeyBitsGenerated,

    /// <summary>Key block frames pushed to gateways (first sends).</summary>
    BlocksPushed,

    /// <summary>Key block frames pushed again (not acknowledged in time, or after a restart).</summary>
    BlocksResent,

    /// <summary>Key bits gateways acknowledged as durably stored.</summary>
    KeyBitsDelivered,

    /// <summary>Block acknowledgements that refused a block (pool full, gap, duplicate).</summary>
    BlocksRefused,

    /// <summary>Supplement requests the HAP received.</summary>
    SupplementsReceived,

    /// <summary>Key requests sensors sent.</summary>
    RequestsSent,

    /// <summary>Key requests answered with a key.</summary>
    RequestsServed,

    /// <summary>"Waiting" answers (the pool could not serve yet).</summary>
    RequestsWaiting,

    /// <summary>Key requests refused or dropped as insufficient.</summary>
    RequestsRefused,

    /// <summary>Key bits handed to sensors.</summary>
    KeyBitsIssued,

    /// <summary>Telemetry messages sensors published.</summary>
    TelemetrySent,

    /// <summary>Telemetry messages the central server decrypted and verified.</summary>
    TelemetryVerified,

    /// <summary>Key bits consumed by verified telemetry.</summary>
    KeyBitsUsed,

    /// <summary>Telemetry refused because its key id was already used (replay).</summary>
    TelemetryReplayed,

    /// <summary>Telemetry refused as malformed, unauthenticated or with an unknown key id.</summary>
    TelemetryRejected,

    /// <summary>Frames the HAP/central server refused (length, format, authentication, replay).</summary>
    FramesRejected,

    /// <summary>Gateway restarts (kill and recover from durable storage).</summary>
    GatewayRestarts,

    /// <summary>MQTT reconnections of all clients of the run.</summary>
    BrokerReconnects,

    /// <summary>Key ranges sensors received that overlap a range issued before (the invariant says 0).</summary>
    KeysIssuedTwice,

    /// <summary>Gateway-to-gateway key bits the HAP relayed by XOR forwarding and the pair's higher gateway acknowledged.</summary>
    PairKeyBitsRelayed,

    /// <summary>Shared keys a pair's second sensor fetched and used to open the first sensor's message: both ends agree.</summary>
    PairKeysAgreed,

    /// <summary>Shared keys that did not open the first sensor's message (the two ends disagree; must stay 0).</summary>
    PairKeyMismatches,

    /// <summary>Shared keys the second sensor could not fetch after its retries.</summary>
    PairKeysMissed,
}
