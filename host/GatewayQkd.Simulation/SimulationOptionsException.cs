namespace GatewayQkd.Simulation;

/// <summary>
/// A simulation input is out of range. <see cref="Parameter"/> names it in the simulator's own terms (a
/// <see cref="SimulationOptions"/> property such as Load, or the parameter of the method that refused it); a front end
/// maps it to what its user typed (the CLI: --load).
/// </summary>
public sealed class SimulationOptionsException : Exception
{
    public SimulationOptionsException(string parameter, string problem)
        : base($"{parameter}: {problem}")
    {
        Parameter = parameter;
        Problem = problem;
    }

    public SimulationOptionsException()
    {
        Parameter = string.Empty;
        Problem = Message;
    }

    public SimulationOptionsException(string message)
        : base(message)
    {
        Parameter = string.Empty;
        Problem = message;
    }

    public SimulationOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Parameter = string.Empty;
        Problem = message;
    }

    /// <summary>Gets the input at fault, in the simulator's terms (e.g. "Load").</summary>
    public string Parameter { get; }

    /// <summary>Gets what is wrong with it, without the name ("L_req must be a positive number (got 0).").</summary>
    public string Problem { get; }
}
