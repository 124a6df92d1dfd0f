namespace GatewayQkd.Kms.Store;

/// <summary>
/// What a key stream of a node pair is for. Each pair has two separate streams, each with its own blocks, offsets and
/// used ranges, so the two uses can never hand out the same bytes (docs/kms.md, "The ETSI 014 reservation").
/// </summary>
public enum KeyStreamUse
{
    /// <summary>The stream the central server pushes to the gateway's key pool, which the gateway issues to its sensors.</summary>
    Sensors = 0,

    /// <summary>
    /// The ETSI GS QKD 014 reservation: key the central server set aside for the pair's SAEs instead of pushing it to
    /// the gateway's pool; enc_keys and dec_keys draw only from it.
    /// </summary>
    Etsi014 = 1,
}
