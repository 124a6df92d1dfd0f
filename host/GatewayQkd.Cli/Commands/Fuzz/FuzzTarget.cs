namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>
/// One input surface to fuzz: it builds valid inputs, mutates them with the case's random source, feeds them to the
/// code under test, and throws <see cref="FuzzFailure"/> when an invariant breaks (an exception other than the
/// documented refusal escapes, or invalid input changed state). Not thread-safe: one runner drives one target.
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>Gets the target name used by `fuzz --target`.</summary>
    public abstract string Name { get; }

    /// <summary>Gets what the target feeds and checks.</summary>
    public abstract string Description { get; }

    /// <summary>Runs one case with inputs drawn from <paramref name="random"/>.</summary>
    public abstract void RunCase(Random random);
}
