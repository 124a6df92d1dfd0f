namespace GatewayQkd.Kms.Benchmarks;

/// <summary>One measured run: how many enc_keys + dec_keys request pairs completed, and how fast.</summary>
public sealed record KmsBenchmarkResult(int Concurrency, int Pairs, int KeysPerRequest, int KeySizeBits, double Seconds)
{
    /// <summary>Gets request pairs (one enc_keys and one dec_keys) per second.</summary>
    public double PairsPerSecond => Pairs / Seconds;

    /// <summary>Gets keys delivered to both sides per second.</summary>
    public double KeysPerSecond => PairsPerSecond * KeysPerRequest;

    /// <summary>Gets the mean wall time of one pair in one loop, in milliseconds.</summary>
    public double MeanPairMilliseconds => Seconds * 1000 * Concurrency / Pairs;
}
