using System.Runtime.CompilerServices;

namespace GatewayQkd.Simulation.Workload;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64: fast, and its sequence for a seed is fixed by
/// this code rather than by the .NET runtime, so runs reproduce across versions. A reference to a
/// <see cref="Xoshiro256State"/>, which holds the generator itself.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private Xoshiro256State _state;

    /// <summary>Creates a generator from a seed.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        _state = new Xoshiro256State(seed);
    }

    /// <summary>Gets the generator's state by reference (draws through it advance this generator).</summary>
    public ref Xoshiro256State State => ref _state;

    /// <summary>Returns the next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => _state.NextUInt64();

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _state.NextDouble();

    /// <summary>Returns a uniform integer in [0, n) (Lemire's multiply-shift; bias below 2^-32 for n below 2^32).</summary>
    public int NextInt(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>Returns an exponential variate with the given rate (inverse transform).</summary>
    public double NextExponential(double rate) => -Math.Log(1.0 - NextDouble()) / rate;
}
