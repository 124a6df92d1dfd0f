using System.CommandLine;
using System.Globalization;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// `gatewayqkd channel`: FSO QKD link physics. A single-link (or N-GN network) report by default; `--sweep` varies one
/// parameter; `--preset` reproduces a figure. Output: table, `--json`, `--csv FILE`, `--plot FILE.png`.
/// </summary>
public static class ChannelCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var options = new ChannelCliOptions();
        var command = new Command("channel", "FSO QKD channel and key-rate model: single-link report, sweeps, presets; table, CSV, JSON, PNG.");
        options.AddTo(command);
        command.SetAction(parseResult => Execute(parseResult, options));
        return command;
    }

    private static int Execute(ParseResult parseResult, ChannelCliOptions cli)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            var options = cli.Bind(parseResult);
            if (options.ListFields)
            {
                foreach (var field in ChannelFields.Described(network: true))
                {
                    output.WriteLine($"{field.Name}\t{field.Unit}\t{field.Description}");
                }

                return 0;
            }

            ChannelCliOptions.ThrowIfInvalid(options);
            var run = ChannelRunner.Run(options, options.Quiet ? null : Progress(error));
            WriteOutputs(run, options, output, error);
            return 0;
        }
        catch (ArgumentException e)
        {
            // Model checks name the property (DistanceKm); report the command-line option that sets it (--distance-km).
            error.WriteLine($"gatewayqkd channel: {cli.Map.Describe(e, "channel")}");
            return 2;
        }
    }

    private static void WriteOutputs(ChannelRun run, ChannelCommandOptions options, TextWriter output, TextWriter error)
    {
        if (options.Json)
        {
            output.WriteLine(ChannelJson.Write(run));
        }
        else
        {
            ChannelTable.Write(run, output);
        }

        if (options.CsvPath is { } csv)
        {
            ChannelCsv.ToTable(run).Save(csv);
            error.WriteLine($"channel: wrote {csv}");
        }

        // --plot comes with a sweep or a preset (ChannelCliOptions.ThrowIfInvalid), so the run has a swept quantity.
        if (options.PlotPath is { } plot)
        {
            foreach (var (path, chart) in ChannelPlots.All(run, plot))
            {
                chart.SavePng(path);
                error.WriteLine($"channel: wrote {path}");
                foreach (var gap in ChannelPlots.Gaps(path, chart))
                {
                    error.WriteLine($"channel: {gap}");
                }
            }
        }
    }

    // A line every 5 % of a long run (more than 10 points), on the error stream so JSON/CSV on stdout stay clean.
    private static Action<int, int> Progress(TextWriter error) => (done, total) =>
    {
        var every = Math.Max(1, total / 20);
        if (total > 10 && (done % every == 0 || done == total))
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"channel: {done}/{total} points ({100.0 * done / total:0}%)"));
        }
    };
}
