namespace GatewayQkd.Simulation;

/// <summary>A simulation option is out of range; <see cref="Option"/> names it as the CLI spells it (e.g. "--load").</summary>
public sealed class SimulationOptionsException : Exception
{
    public SimulationOptionsException(string option, string message)
        : base($"{option}: {message}")
    {
        Option = option;
    }

    public SimulationOptionsException()
    {
        Option = string.Empty;
    }

    public SimulationOptionsException(string message)
        : base(message)
    {
        Option = string.Empty;
    }

    public SimulationOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Option = string.Empty;
    }

    /// <summary>Gets the option at fault.</summary>
    public string Option { get; }
}
