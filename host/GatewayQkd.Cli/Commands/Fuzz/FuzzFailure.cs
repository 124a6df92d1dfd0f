namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>A fuzz case broke an invariant: the message says which, and what the input was.</summary>
public sealed class FuzzFailure : Exception
{
    /// <summary>Creates the failure.</summary>
    public FuzzFailure(string message)
        : base(message)
    {
    }

    /// <summary>Creates the failure.</summary>
    public FuzzFailure()
    {
    }

    /// <summary>Creates the failure.</summary>
    public FuzzFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
