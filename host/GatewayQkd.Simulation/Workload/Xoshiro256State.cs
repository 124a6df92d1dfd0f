using System.Runtime.CompilerServices;

namespace GatewayQkd.Simulation.Workload;

/// <summary>
/// The 256-bit state of xoshiro256** (Blackman and Vigna, 2018) as a value type, for a loop that draws many numbers:
/// copied into a local, the JIT keeps its four words in registers, where the state of a class lives in memory and every
/// draw loads and stores it (on the request source's draw that round trip was about a third of the draw's time).
/// <see cref="Xoshiro256StarStar"/> is the same generator behind a reference, for callers that pass it around.
/// </summary>
public struct Xoshiro256State
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the state through SplitMix64 (the authors' recommended seeding), so a seed fixes the sequence.</summary>
    public Xoshiro256State(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>Sets the four state words directly (not all zero), for the published known-answer vectors.</summary>
    internal Xoshiro256State(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>Returns the next 64 random bits and advances the state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
