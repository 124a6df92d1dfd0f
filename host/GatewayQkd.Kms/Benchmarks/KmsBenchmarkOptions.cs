namespace GatewayQkd.Kms.Benchmarks;

/// <summary>What the loopback benchmark measures: enc_keys + dec_keys pairs between SAEs "cs" and "gn-1".</summary>
public sealed record KmsBenchmarkOptions
{
    /// <summary>Gets the measured pairs per concurrency level (default 2000).</summary>
    public int Pairs { get; init; } = 2000;

    /// <summary>Gets the unmeasured warm-up pairs (JIT, TLS sessions, SQLite cache; default 100).</summary>
    public int WarmupPairs { get; init; } = 100;

    /// <summary>Gets the concurrent request loops to measure, one run each (default 1 and 4).</summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [1, 4];

    /// <summary>Gets the key size in bits (default 256, the KMS default key_size).</summary>
    public int KeySizeBits { get; init; } = 256;

    /// <summary>Gets the keys per enc_keys/dec_keys request (default 1: one key per pair).</summary>
    public int KeysPerRequest { get; init; } = 1;

    /// <summary>Gets the folder for the temporary store and certificates (default: a new temp folder, deleted after).</summary>
    public string? WorkFolder { get; init; }
}
