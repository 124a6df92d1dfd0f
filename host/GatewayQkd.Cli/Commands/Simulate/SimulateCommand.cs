using System.CommandLine;

namespace GatewayQkd.Cli.Commands.Simulate;

/// <summary>
/// The `simulate` command: the DDKA-QKDN discrete-event simulator (GatewayQkd.Simulation) with its baselines,
/// sweeps and the paper's figures as presets. See docs/simulation.md.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var set = new SimulateOptionSet();
        var command = new Command("simulate", "Simulate DDKA key allocation against KoD, RAKP, DSKP and S1-S3 (Chen et al., Entropy 2022): delay, SR, percentiles, pool levels, wasted keys; sweeps and the paper's figures (--preset fig7..fig13, scale).");
        foreach (var option in set.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => Task.FromResult(SimulateAction.Run(parse, set, cancellationToken)));
        return command;
    }
}
