namespace GatewayQkd.Kms.Store;

/// <summary>Why the central key store refused an operation (the operation changed nothing).</summary>
public enum KeyStoreError
{
    /// <summary>The stream id is not a valid pair of two different nodes.</summary>
    InvalidStream,

    /// <summary>The key material or block is empty, oversized, or would run past the 32-bit stream.</summary>
    InvalidMaterial,

    /// <summary>The block id does not exist on the stream.</summary>
    UnknownBlock,

    /// <summary>The key range reaches past the material generated so far.</summary>
    NotGenerated,

    /// <summary>The key range overlaps material already used or delivered (a replay or a second delivery).</summary>
    AlreadyUsed,

    /// <summary>Not enough acknowledged, unused key material on the stream for the request.</summary>
    InsufficientKey,

    /// <summary>The file is not a key store of this schema version (or not an SQLite database at all).</summary>
    InvalidFile,

    /// <summary>The caller is not the node a pending delivery is meant for.</summary>
    NotAuthorized,

    /// <summary>The key was never issued by enc_keys to that master for that slave (a made-up or foreign key_ID).</summary>
    NotIssued,
}
