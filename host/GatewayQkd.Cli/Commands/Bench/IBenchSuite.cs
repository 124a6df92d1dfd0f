namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>A named set of measurements `bench` can run; add a suite by implementing this and listing it in <see cref="BenchSuites"/>.</summary>
internal interface IBenchSuite
{
    /// <summary>Gets the name used on the command line.</summary>
    string Name { get; }

    /// <summary>Gets a one-line description.</summary>
    string Description { get; }

    /// <summary>Runs the suite and returns its results as a Markdown section (also printed as it goes to <paramref name="progress"/>).</summary>
    Task<string> RunAsync(BenchSettings settings, TextWriter progress);
}
