using System.Runtime.CompilerServices;

namespace GatewayQkd.Simulation.Workload;

/// <summary>
/// Unit-rate exponential variates by the ziggurat method (G. Marsaglia and W. W. Tsang, "The Ziggurat Method for
/// Generating Random Variables", J. Stat. Softw. 5(8), 2000; 256 layers, r = 7.697117470131487, v = 3.949659822581572e-3
/// from the paper's zigset). About 99 % of draws cost one 64-bit random number, a table look-up and a multiply, no
/// logarithm. Variant: the layer index comes from the low 8 bits and the abscissa from the top 53 bits of the same
/// 64-bit draw (the paper uses one 32-bit number for both), so index and value are independent.
/// </summary>
public static class ExponentialZiggurat
{
    private const double R = 7.697117470131487;
    private const double V = 3.949659822581572e-3;
    private const double Scale = 9007199254740992.0; // 2^53
    private static readonly ulong[] K = new ulong[256];
    private static readonly double[] W = new double[256];
    private static readonly double[] F = new double[256];

    static ExponentialZiggurat()
    {
        double de = R;
        double te = R;
        double q = V / Math.Exp(-de);
        K[0] = (ulong)(de / q * Scale);
        K[1] = 0;
        W[0] = q / Scale;
        W[255] = de / Scale;
        F[0] = 1;
        F[255] = Math.Exp(-de);
        for (int i = 254; i >= 1; i--)
        {
            de = -Math.Log((V / de) + Math.Exp(-de));
            K[i + 1] = (ulong)(de / te * Scale);
            te = de;
            F[i] = Math.Exp(-de);
            W[i] = de / Scale;
        }
    }

    /// <summary>Returns an exponential variate of rate 1 (mean 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Next(Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ulong bits = random.NextUInt64();
        return TryAccept(bits, out double value) ? value : Rejected(ref random.State, bits);
    }

    /// <summary>
    /// The ziggurat's first step on one 64-bit draw: true, with the variate, when the draw falls inside its layer's
    /// rectangle (about 99 % of draws); else <see cref="Rejected"/> must finish the variate from the same draw.
    /// </summary>
    /// <remarks>
    /// Split from the rest so that a loop holding its generator in a local (<see cref="Xoshiro256State"/>) takes the
    /// local's address only on the rare path: a reference to the local on every draw would keep it in memory.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryAccept(ulong bits, out double value)
    {
        int layer = (int)(bits & 0xFF);
        ulong x = bits >> 11;
        value = x * W[layer];
        return x < K[layer];
    }

    /// <summary>Finishes a variate whose first draw <paramref name="bits"/> <see cref="TryAccept"/> did not accept, drawing more from <paramref name="random"/>.</summary>
    public static double Rejected(ref Xoshiro256State random, ulong bits) => Fix(ref random, (int)(bits & 0xFF), bits >> 11);

    private static double Fix(ref Xoshiro256State random, int layer, ulong x)
    {
        while (true)
        {
            if (layer == 0)
            {
                // The base strip's tail beyond r: r plus a fresh exponential (memorylessness).
                return R - Math.Log(1.0 - random.NextDouble());
            }

            double value = x * W[layer];
            if (F[layer] + (random.NextDouble() * (F[layer - 1] - F[layer])) < Math.Exp(-value))
            {
                return value;
            }

            ulong bits = random.NextUInt64();
            layer = (int)(bits & 0xFF);
            x = bits >> 11;
            if (x < K[layer])
            {
                return x * W[layer];
            }
        }
    }
}
