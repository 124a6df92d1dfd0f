using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Workload;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// The discrete-event DDKA-QKDN simulator (see <see cref="SchemeSimulator{TScheme}"/> for the model): runs a
/// workload under the options' scheme and returns its metrics. DDKA at the default supplement timing runs on an
/// engine compiled for it (<see cref="DdkaTraits"/>), every other configuration on the general one; both are the
/// same code, so their results for DDKA are identical.
/// </summary>
public sealed class Simulator
{
    private readonly Func<SimulationResult> _run;

    /// <summary>Creates a simulator over a request source; <paramref name="progress"/> gets (served, expected).</summary>
    public Simulator(SimulationOptions options, IRequestSource source, TextWriter log, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(source);
        options.Validate();
        var scheme = SchemeDefinition.Of(options.Scheme);
        log ??= TextWriter.Null;
        _run = DdkaTraits.Describes(scheme, options)
            ? new SchemeSimulator<DdkaTraits>(options, scheme, default, source, log, progress).Run
            : new SchemeSimulator<ConfiguredTraits>(options, scheme, new ConfiguredTraits(scheme, options.SupplementTiming), source, log, progress).Run;
    }

    /// <summary>Creates a simulator over the paper's Poisson workload for these options.</summary>
    public Simulator(SimulationOptions options, TextWriter log, Action<long, long>? progress = null)
        : this(options, new PoissonRequestSource(Checked(options)), log, progress)
    {
    }

    /// <summary>Runs the simulation until every request is served, and returns its metrics.</summary>
    public SimulationResult Run() => _run();

    private static SimulationOptions Checked(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
