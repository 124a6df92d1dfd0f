using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Links;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Report;
using GatewayQkd.Emulation.Run;
using Spectre.Console;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>
/// Runs an emulation in the console for `demo` and `emulate`: the live view while it runs (or a progress line every
/// few seconds when the output is not a terminal), then the report on screen and in files. The stop token (SIGINT
/// or SIGTERM, <see cref="StopSignals"/>) is a graceful stop: the run drains, closes its state and writes its report,
/// marked partial.
/// </summary>
internal static class EmulationConsole
{
    public static async Task<int> RunAsync(EmulationOptions options, TextWriter output, TextWriter error, bool live, CancellationToken stop)
    {
        var console = PlainConsole.ForTerminalOrWriter(output);
        try
        {
            // A resumed run (same data folder) reports into its own folder, so the earlier report stays as it was.
            var reportFolder = RunHistory.ReportFolder(options, RunHistory.NextRunNumber(options.DataFolder));
            Directory.CreateDirectory(reportFolder);
            await using var logFile = new StreamWriter(Path.Combine(reportFolder, "emulation.log")) { AutoFlush = true };
            await output.WriteLineAsync($"Starting {options.Name}: {(options.VirtualTime ? "virtual time, in-process broker" : options.ExternalBroker is { } b ? "connecting to the broker at " + b : "starting the embedded broker")}...");
            await using var run = await EmulationRun.StartAsync(options, LinkRatesFactory.Create(options), TextWriter.Synchronized(logFile), stop);
            if (run.Start.Resumed)
            {
                await output.WriteLineAsync($"Run {run.RunNumber} resumes the deployment in {options.DataFolder} ({run.Start.StoreBlocks} blocks in the central store, " +
                    $"{run.Start.StoreUnacknowledgedBlocks} unacknowledged; {run.Start.PoolBits} bits in gateway pools; {run.Start.LostBitsBefore} bits lost before); report in {run.ReportFolder}. --fresh starts over.");
            }

            console.MarkupLine($"[bold]{Markup.Escape(options.Name)}[/]: {options.Gateways} gateways{(options.BoardGateways.Count > 0 ? $" + {options.BoardGateways.Count} boards ({options.BoardTwins.Count} board twins)" : string.Empty)} x {options.SensorsPerGateway} sensors, broker {Markup.Escape(run.BrokerEndpoint.ToString())}, " +
                $"{Markup.Escape(run.Rates.Description)}, speed {options.Speed}x for {options.Duration.TotalSeconds:0} s. Ctrl+C stops early.");
            // Plain text: where a real board connects (the settings' mqtt.host and mqtt.port), or why none can.
            if (!options.VirtualTime) // a virtual-time run has no network broker a board could reach
            {
                var boardLine = BoardBrokerAddress.Describe(run.EmbeddedBroker?.Listen, options.ExternalBroker);
                await output.WriteLineAsync(boardLine);
                run.Log.Write(GatewayQkd.Core.Ports.LogLevel.Info, boardLine);
            }
            if (run.Kms is { } kms)
            {
                // Plain text, not markup: the console would wrap the URL at its width.
                await output.WriteLineAsync($"ETSI GS QKD 014 KMS at {kms.Url} (certificates in {kms.CertificateFolder}; " +
                    $"e.g. curl --cacert ca.crt --cert cs.crt --key cs.key {kms.Url}api/v1/keys/gn-1/status).");
            }

            EmulationReport report;
            if (live && console.Profile.Capabilities.Interactive)
            {
                report = await console.Live(LiveView.Render(options.Name, null, options.PoolCapacityBits, [], console.Profile.Width, console.Profile.Height))
                    .StartAsync(async ctx => await run.RunAsync(
                        s => ctx.UpdateTarget(LiveView.Render(options.Name, s, options.PoolCapacityBits, run.Log.Recent(), console.Profile.Width, console.Profile.Height)), stop));
            }
            else
            {
                var nextLine = 0.0;
                report = await run.RunAsync(
                    s =>
                    {
                        if (s.WallSeconds >= nextLine)
                        {
                            nextLine = s.WallSeconds + 5;
                            var c = s.Counters.ToDictionary(p => p.Key, p => p.Value);
                            output.WriteLine($"  t={s.WallSeconds,5:0.0} s (emulated {s.EmulatedSeconds:0.0} s): delivered {c["key_bits_delivered"]} b, served {c["requests_served"]}/{c["requests_sent"]} requests, telemetry verified {c["telemetry_verified"]}");
                        }
                    },
                    stop);
            }

            if (stop.IsCancellationRequested && report.Partial)
            {
                report = report with { EndReason = StopSignals.StopReason() };
            }

            IReadOnlyList<string> files = [.. ReportWriter.Write(report, run.ReportFolder), .. GatewayQkd.Emulation.Scenario.ScenarioReportWriter.Write(report, run.ReportFolder)];
            ReportPrinter.Print(console, report, [.. files, Path.Combine(run.ReportFolder, "emulation.log")]);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped while starting: the parts started so far are closed (EmulationRun.StartAsync disposes them).
            await error.WriteLineAsync($"The run {StopSignals.StopReason()} while starting; no report was written.");
            return 0;
        }
        catch (EmulationOptionsException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException or UnauthorizedAccessException or GatewayQkd.Kms.Store.KeyStoreException or System.Security.Cryptography.CryptographicException)
        {
            await error.WriteLineAsync($"The run failed: {e.Message}");
            return 1;
        }
    }
}
