namespace GatewayQkd.TestSupport;

/// <summary>Thrown by <see cref="PowerCutStorage"/> at the cut point and by every call after it: the device lost power.</summary>
public sealed class PowerCutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PowerCutException()
        : base("Power cut (simulated).")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PowerCutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PowerCutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
