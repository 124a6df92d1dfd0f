namespace GatewayQkd.Channel.Link;

/// <summary>Argument checks that name the parameter and the allowed range (finite values only).</summary>
public static class Require
{
    /// <summary>Throws unless value is finite and &gt; 0.</summary>
    public static void Positive(double value, string name)
    {
        Finite(value, name);
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than 0 (got {value}).");
        }
    }

    /// <summary>Throws unless value is finite and &gt;= 0.</summary>
    public static void NonNegative(double value, string name)
    {
        Finite(value, name);
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative (got {value}).");
        }
    }

    /// <summary>Throws unless value is a probability in [0, 1].</summary>
    public static void Probability(double value, string name) => InRange(value, 0, 1, name);

    /// <summary>Throws unless lower &lt;= value &lt;= upper.</summary>
    public static void InRange(double value, double lower, double upper, string name)
    {
        Finite(value, name);
        if (value < lower || value > upper)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{lower}, {upper}] (got {value}).");
        }
    }

    /// <summary>Throws unless value &gt;= minimum.</summary>
    public static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum} (got {value}).");
        }
    }

    private static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number (got {value}).");
        }
    }
}
