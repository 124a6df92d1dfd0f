namespace GatewayQkd.Kms.Benchmarks;

/// <summary>
/// One measured run: how many enc_keys + dec_keys request pairs completed, how fast, the pair latency percentiles, and
/// how many store commits (each one fsync of the WAL) and database round trips they took, the process CPU time (the
/// clients run in the same process, so it is the cost of both ends), and how much of it the JIT compiler took.
/// </summary>
public sealed record KmsBenchmarkResult(int Concurrency, int Pairs, int KeysPerRequest, int KeySizeBits, double Seconds,
    double P50PairMilliseconds, double P99PairMilliseconds, long Commits, double CpuSeconds, long RoundTrips = 0,
    double JitMilliseconds = 0)
{
    /// <summary>Gets request pairs (one enc_keys and one dec_keys) per second.</summary>
    public double PairsPerSecond => Pairs / Seconds;

    /// <summary>Gets keys delivered to both sides per second.</summary>
    public double KeysPerSecond => PairsPerSecond * KeysPerRequest;

    /// <summary>Gets the mean wall time of one pair in one client, in milliseconds.</summary>
    public double MeanPairMilliseconds => Seconds * 1000 * Concurrency / Pairs;

    /// <summary>Gets the process CPU time per key delivered to both sides, in microseconds (server and clients together).</summary>
    public double CpuMicrosecondsPerKey => CpuSeconds * 1e6 / (Pairs * (double)KeysPerRequest);

    /// <summary>Gets the store commits per request (2 per pair without group commit; fewer when requests share commits).</summary>
    public double CommitsPerRequest => Commits / (2.0 * Pairs);

    /// <summary>Gets the statements and statement batches sent to the database per request (PostgreSQL: network round trips).</summary>
    public double RoundTripsPerRequest => RoundTrips / (2.0 * Pairs);
}
