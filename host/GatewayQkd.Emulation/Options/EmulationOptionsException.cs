namespace GatewayQkd.Emulation.Options;

/// <summary>Emulation options or a scenario file that cannot run; the message names every problem found.</summary>
public sealed class EmulationOptionsException : Exception
{
    /// <summary>Creates the exception for one or more problems.</summary>
    public EmulationOptionsException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Creates the exception for one problem.</summary>
    public EmulationOptionsException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception for one problem with its cause.</summary>
    public EmulationOptionsException(string message, Exception inner)
        : base(message, inner) => Problems = [message];

    /// <summary>Creates the exception without detail (serialization contract).</summary>
    public EmulationOptionsException()
        : this("Invalid emulation options.")
    {
    }

    /// <summary>Gets each problem as one sentence.</summary>
    public IReadOnlyList<string> Problems { get; }
}
