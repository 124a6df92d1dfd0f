namespace GatewayQkd.Channel.Qkd;

/// <summary>Binary Shannon entropy H2(x) = -x log2 x - (1 - x) log2(1 - x), with H2(0) = H2(1) = 0.</summary>
public static class BinaryEntropy
{
    /// <summary>H2(x) in bits for x in [0, 1].</summary>
    public static double Of(double x)
    {
        if (x <= 0 || x >= 1)
        {
            return 0.0;
        }

        return -((x * Math.Log2(x)) + ((1 - x) * Math.Log2(1 - x)));
    }
}
