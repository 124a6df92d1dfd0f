using GatewayQkd.Kms.Cluster;

namespace GatewayQkd.Kms.Benchmarks;

/// <summary>What the loopback benchmark measures: enc_keys + dec_keys pairs between SAEs "cs" and "gn-1".</summary>
public sealed record KmsBenchmarkOptions
{
    /// <summary>Gets the measured pairs per run (default 2000).</summary>
    public int Pairs { get; init; } = 2000;

    /// <summary>Gets the unmeasured warm-up pairs before each run (JIT, TLS sessions, SQLite cache; default 100).</summary>
    public int WarmupPairs { get; init; } = 100;

    /// <summary>
    /// Gets how long, at most, to go on warming up after <see cref="WarmupPairs"/>, in rounds of that many pairs, until
    /// the JIT is done: a round in which JIT compilation took under 2% of the process CPU time (default 0: no extra
    /// rounds). The runtime recompiles hot methods optimised in the background (tiered compilation) long after the first
    /// requests; on a 2-core machine that was more than half the CPU of a 3,000-pair run.
    /// </summary>
    public double SteadyWarmupSeconds { get; init; }

    /// <summary>Gets the numbers of concurrent clients to measure (default 1 and 16); each client has its own connections.</summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [1, 16];

    /// <summary>Gets the key size in bits (default 256, the KMS default key_size).</summary>
    public int KeySizeBits { get; init; } = 256;

    /// <summary>Gets the keys per enc_keys/dec_keys request to measure (default 1 and 16); one run per value and client count.</summary>
    public IReadOnlyList<int> KeysPerRequest { get; init; } = [1, 16];

    /// <summary>
    /// Gets the engine of the temporary store when <see cref="Database"/> is not given: an SQLite file in the work folder
    /// (default), or PostgreSQL on a throw-away local server (needs Debian's postgresql package).
    /// </summary>
    public DatabaseKind Engine { get; init; } = DatabaseKind.Sqlite;

    /// <summary>Gets an existing database to hold the store instead (its cs - gn-1 ETSI 014 reservation gets the key material).</summary>
    public DatabaseEngine? Database { get; init; }

    /// <summary>
    /// Gets the HTTP version the clients speak (default 1.1: each client its own keep-alive connections; 2.0: the
    /// clients of each SAE share one HttpClient, so their requests are multiplexed on one TLS connection per SAE).
    /// </summary>
    public Version HttpVersion { get; init; } = System.Net.HttpVersion.Version11;

    /// <summary>Gets the folder for the temporary store and certificates (default: a new temp folder, deleted after).</summary>
    public string? WorkFolder { get; init; }
}
