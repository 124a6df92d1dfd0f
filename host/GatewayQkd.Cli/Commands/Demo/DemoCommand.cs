using System.CommandLine;
using GatewayQkd.Cli.Commands.Emulate;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Cli.Commands.Demo;

/// <summary>
/// The `demo` command: the whole system in one go, nothing to install (embedded broker, SQLite central store, four
/// emulated gateways on the firmware core, sensors, key rates from the channel model), for about a minute with the
/// live view, then the report on screen and in out/demo/. Each demo starts from a fresh data folder.
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        // Each option once: name, description, default and the scenario key it sets (so the validator's problems name the option).
        var names = new OptionMap();
        var duration = names.Sets(CliOption.Aliased(CliOption.Described<double>("--duration", "Wall-clock length in seconds.", 60), "-d"), "durationSeconds");
        var speed = names.Sets(CliOption.Described<double>("--speed", "Emulated seconds per wall-clock second.", 5), "speed");
        var gateways = names.Sets(CliOption.Aliased(CliOption.Described<int>("--gateways", "Emulated gateways.", 4), "-n"), "gateways");
        var sensors = names.Sets(CliOption.Aliased(CliOption.Described<int>("--sensors", "Sensors per gateway.", 3), "-m"), "sensorsPerGateway");
        var outFolder = names.Sets(CliOption.Aliased(CliOption.Described("--out", "Report folder.", Path.Combine("out", "demo")), "-o"), "outputFolder");
        var noLive = CliOption.Described<bool>("--no-live", "Print progress lines instead of the live view.");
        var seed = names.Sets(CliOption.Described<int>("--seed", "Random seed of the sensor traffic and the channel.", 1), "seed");
        var virtualTime = names.Sets(CliOption.Described<bool>("--virtual-time", "Virtual time: fixed 20 ms steps and an in-process broker, so the same seed gives the same bits, counters and report."), "virtualTime");
        var boardTwin = CliOption.Described<bool>("--board-twin", "Run the last gateway as a board twin: the firmware/Device app in its own process, joining over TCP like a board.");
        var listen = new ListenCliOption();
        var command = new Command("demo", "Run the whole system for about a minute (embedded broker, HAP + central server, 4 gateways running the firmware core, sensors) with a live view and a report.");
        CliOption.AddTo(command, duration, speed, gateways, sensors, outFolder, noLive, seed, virtualTime, boardTwin);
        listen.AddTo(command, names);

        command.SetAction(async (parse, _) =>
        {
            EmulationOptions options;
            var folder = parse.GetValue(outFolder)!;
            try
            {
                var count = parse.GetValue(gateways);
                var twin = parse.GetValue(boardTwin) && count >= 1;
                options = listen.Apply(parse, Preset() with
                {
                    Duration = TimeSpan.FromSeconds(parse.GetValue(duration)),
                    Speed = parse.GetValue(speed),
                    Gateways = twin ? count - 1 : count,
                    SensorsPerGateway = parse.GetValue(sensors),
                    DataFolder = DataFolder(folder),
                    OutputFolder = folder,
                    Seed = parse.GetValue(seed),
                    VirtualTime = parse.GetValue(virtualTime),
                });
                if (twin)
                {
                    options = options.WithBoardTwins((ushort)count);
                }

                EmulationOptionsValidator.ThrowIfInvalid(options, names.Names);
            }
            catch (EmulationOptionsException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return 2;
            }

            if (Directory.Exists(options.DataFolder))
            {
                Directory.Delete(options.DataFolder, recursive: true); // a demo always starts a new deployment
            }

            var code = await EmulationConsole.RunAsync(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, live: !parse.GetValue(noLive));
            if (options.DataFolder.StartsWith("/dev/shm/", StringComparison.Ordinal) && Directory.Exists(options.DataFolder))
            {
                Directory.Delete(options.DataFolder, recursive: true); // RAM is not left holding a finished demo
            }

            return code;
        });
        return command;
    }

    /// <summary>
    /// The demo's state folder: a new deployment every time, so it lives in RAM (/dev/shm) where there is one: the
    /// same durable-write code runs, but fsync costs nothing there (about 6 ms per fsync on a VM disk would slow the demo
    /// to the disk's pace). `emulate` keeps its state on disk (--data). The name holds the process id and a digest of
    /// the report folder, so two demos in one process (tests) or two processes never share (or delete) one state folder.
    /// </summary>
    public static string DataFolder(string outputFolder) => Directory.Exists("/dev/shm")
        ? Path.Combine("/dev/shm", $"gatewayqkd-demo-{Environment.ProcessId}-{FolderDigest(outputFolder)}")
        : Path.Combine(outputFolder, "data");

    private static string FolderDigest(string folder) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(folder))))[..8];

    /// <summary>
    /// The demo's setup: the DDKA paper's 4 gateways, pools of 5120 bits and w = 0.5, key rates from the channel model,
    /// one HAP terminal shared by all, and busy sensors (a request every 2 s) so that pools drain and supplements show.
    /// </summary>
    public static EmulationOptions Preset() => new()
    {
        Name = "demo",
        KeyRateModel = KeyRateModel.Channel,
        HapTerminals = 1,
        RequestMeanIntervalSeconds = 2,
    };
}
