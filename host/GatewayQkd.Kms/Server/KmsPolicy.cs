namespace GatewayQkd.Kms.Server;

/// <summary>
/// The KME's key policy reported by status and enforced by enc_keys. Defaults: key sizes follow the project's K_sec
/// levels 1..5 = 128..2048 bits (DDKA-QKDN paper, s4), default 256 bits (K_sec 2); 128 keys per request and a
/// reported capacity of 1,000,000 keys are this KMS's own choices (ETSI GS QKD 014 leaves them to the KME).
/// </summary>
public sealed record KmsPolicy
{
    /// <summary>Gets the default key size in bits (status key_size; enc_keys without size).</summary>
    public int DefaultKeySizeBits { get; init; } = 256;

    /// <summary>Gets the smallest key size in bits.</summary>
    public int MinKeySizeBits { get; init; } = 128;

    /// <summary>Gets the largest key size in bits.</summary>
    public int MaxKeySizeBits { get; init; } = 2048;

    /// <summary>Gets the most keys one enc_keys or dec_keys request may carry.</summary>
    public int MaxKeysPerRequest { get; init; } = 128;

    /// <summary>Gets the capacity reported as max_key_count (stored_key_count never exceeds it).</summary>
    public long MaxKeyCount { get; init; } = 1_000_000;

    /// <summary>Throws when the policy is inconsistent (sizes not whole bytes, min above max, ...).</summary>
    public void Validate()
    {
        if (MinKeySizeBits <= 0 || MinKeySizeBits % 8 != 0 || MaxKeySizeBits % 8 != 0 || DefaultKeySizeBits % 8 != 0
            || MinKeySizeBits > DefaultKeySizeBits || DefaultKeySizeBits > MaxKeySizeBits)
        {
            throw new ArgumentException(
                $"Key sizes must be positive multiples of 8 with min <= default <= max, got {MinKeySizeBits} <= " +
                $"{DefaultKeySizeBits} <= {MaxKeySizeBits}.");
        }

        if (MaxKeysPerRequest <= 0 || MaxKeyCount <= 0)
        {
            throw new ArgumentException("MaxKeysPerRequest and MaxKeyCount must be positive.");
        }
    }
}
