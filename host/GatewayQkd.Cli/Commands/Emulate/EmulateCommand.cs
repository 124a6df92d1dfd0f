using System.CommandLine;
using GatewayQkd.Adapters;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Gateways;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>
/// The `emulate` command: a run from a scenario file (JSON or YAML) and/or options, with the live view and the
/// report. State is durable in the data folder: running again resumes without reissuing any key (use --fresh to start
/// over). --board lets real boards join as gateways; --board-config prints what a board needs (docs/emulation.md s6).
/// </summary>
public static class EmulateCommand
{
    /// <summary>The environment variable read for the board's Wi-Fi password (never on the command line, where `ps` shows it).</summary>
    public const string WifiPasswordVariable = "GATEWAYQKD_WIFI_PASSWORD";

    /// <summary>The emulator's user name in a configuration written by --mosquitto-config when --broker-user is not given.</summary>
    public const string DefaultBrokerUser = "gatewayqkd";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        // Each option once: name, description and the scenario key it sets (so the validator's problems name the option).
        var names = new OptionMap();
        var scenario = CliOption.Aliased(CliOption.Described<FileInfo?>("--scenario", "Scenario file (.json, .yaml); options given here override it."), "-s");
        var duration = names.Sets(CliOption.Aliased(CliOption.Described<double?>("--duration", "Wall-clock run length in seconds (default 60)."), "-d"), "durationSeconds");
        var speed = names.Sets(CliOption.Described<double?>("--speed", "Emulated seconds per wall-clock second (default 1)."), "speed");
        var gateways = names.Sets(CliOption.Aliased(CliOption.Described<int?>("--gateways", "Number of emulated gateways (default 4, DDKA paper)."), "-n"), "gateways");
        var sensors = names.Sets(CliOption.Aliased(CliOption.Described<int?>("--sensors", "Emulated sensors per gateway (default 3)."), "-m"), "sensorsPerGateway");
        var seed = names.Sets(CliOption.Described<int?>("--seed", "Random seed of the sensor traffic and the channel (default 1)."), "seed");
        var keyRate = names.Sets(CliOption.Choice("--key-rate", "Key rate model: constant or channel (default constant).", "constant", "channel"), "keyRateModel");
        var rate = names.Sets(CliOption.Described<double?>("--rate", "Constant key rate per link in bit/s (default 1280, DDKA paper)."), "keyRateBitsPerSecond");
        var data = names.Sets(CliOption.Described<string?>("--data", "Folder of the durable state (default out/emulation/data)."), "dataFolder");
        var outFolder = names.Sets(CliOption.Aliased(CliOption.Described<string?>("--out", "Folder of the report (default out/emulation)."), "-o"), "outputFolder");
        var boards = names.Sets(CliOption.List<ushort>("--board", "Gateway id a real board joins as (repeat for several; above the emulated ids)."), "boardGateways");
        var boardTwins = names.Sets(CliOption.List<ushort>("--board-twin", "Gateway id this PC runs as a board twin: the firmware/Device app in its own process, joining like a board (repeat for several)."), "boardTwins");
        var boardConfig = CliOption.Described<ushort?>("--board-config", "Write the settings file (gatewayqkd.conf) and nanoff file-deployment manifest board ID needs, and exit.");
        var boardConfigOut = CliOption.Described<string?>("--board-config-out", "Folder for --board-config's files (default: board-gn-ID in the data folder).");
        var wifiSsid = CliOption.Described<string?>("--wifi-ssid", $"Wi-Fi network written into --board-config's file (password from ${WifiPasswordVariable}); default: a placeholder to edit.");
        var mosquittoConfig = CliOption.Described<string?>("--mosquitto-config", $"Write a Mosquitto LAN configuration (listener, password file, ACL per board gateway) into this folder and exit; the emulator's user is --broker-user (default {DefaultBrokerUser}), its password ${BrokerCliOptions.PasswordVariable}.");
        var boardSensors = names.Sets(CliOption.Parsed(CliOption.List<string>("--board-sensor", "GATEWAY:SENSOR of a real sensor board (firmware/Sensor), e.g. 9:101, above the emulated sensor ids (repeat for several)."), text => BoardSensor.Parse(text)), "boardSensors");
        var sensorConfig = CliOption.Parsed(CliOption.Described<string?>("--sensor-config", "Write the settings file (sensorqkd.conf) and nanoff manifest sensor board GATEWAY:SENSOR needs, and exit."), text => BoardSensor.Parse(text));
        var fresh = CliOption.Described<bool>("--fresh", "Delete the data folder first (a new deployment: new keys, empty stores).");
        var noLive = CliOption.Described<bool>("--no-live", "Print progress lines instead of the live view.");
        var virtualTime = names.Sets(CliOption.Described<bool>("--virtual-time", "Virtual time: fixed 20 ms steps and an in-process broker, so the same seed gives the same bits, counters and report (no boards, no external broker)."), "virtualTime");
        var broker = new BrokerCliOptions();
        var kms = new KmsCliOptions();
        var workers = new WorkersCliOptions();
        var listen = new ListenCliOption();

        var command = new Command("emulate", "Run the HAP + central server emulator with emulated gateways (the firmware core) and sensors over MQTT; report on screen and in CSV/PNG/JSON.");
        CliOption.AddTo(command, scenario, duration, speed, gateways, sensors, seed, keyRate, rate, data, outFolder, boards, boardTwins, boardSensors, boardConfig, boardConfigOut, sensorConfig, wifiSsid, mosquittoConfig, fresh, noLive, virtualTime);
        broker.AddTo(command, names);
        listen.AddTo(command, names);
        kms.AddTo(command, names);
        workers.AddTo(command, names);
        command.Validators.Add(r =>
        {
            if (r.GetResult(listen.Listen) is { Implicit: false } && r.GetResult(broker.Port) is { Implicit: false })
            {
                r.AddError("--listen and --broker-port both set the embedded broker's port: give one of them.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            EmulationOptions options;
            try
            {
                var start = parse.GetValue(scenario) is { } file ? ScenarioFile.Load(file.FullName) : new EmulationOptions();
                options = start with
                {
                    Duration = parse.GetValue(duration) is { } d ? TimeSpan.FromSeconds(d) : start.Duration,
                    Speed = parse.GetValue(speed) ?? start.Speed,
                    Gateways = parse.GetValue(gateways) ?? start.Gateways,
                    SensorsPerGateway = parse.GetValue(sensors) ?? start.SensorsPerGateway,
                    Seed = parse.GetValue(seed) ?? start.Seed,
                    VirtualTime = parse.GetValue(virtualTime) || start.VirtualTime,
                    KeyRateModel = parse.GetValue(keyRate) is { } k ? (k == "channel" ? KeyRateModel.Channel : KeyRateModel.Constant) : start.KeyRateModel,
                    KeyRateBitsPerSecond = parse.GetValue(rate) ?? start.KeyRateBitsPerSecond,
                    DataFolder = parse.GetValue(data) ?? start.DataFolder,
                    OutputFolder = parse.GetValue(outFolder) ?? start.OutputFolder,
                    BoardGateways = parse.GetValue(boards) is { Length: > 0 } b ? b : start.BoardGateways,
                    BoardSensors = parse.GetValue(boardSensors) is { Length: > 0 } bs ? [.. bs.Select(BoardSensor.Parse)] : start.BoardSensors,
                };
                options = workers.Apply(parse, kms.Apply(parse, listen.Apply(parse, broker.Apply(parse, options))));
                if (parse.GetValue(boardTwins) is { Length: > 0 } twins)
                {
                    options = options.WithBoardTwins(twins);
                }

                EmulationOptionsValidator.ThrowIfInvalid(options, names.Names);
            }
            catch (EmulationOptionsException e)
            {
                await error.WriteLineAsync(e.Message);
                return 2;
            }

            if (parse.GetValue(fresh) && Directory.Exists(options.DataFolder))
            {
                Directory.Delete(options.DataFolder, recursive: true);
            }

            if (parse.GetValue(mosquittoConfig) is { } mosquittoFolder)
            {
                return await WriteMosquittoConfigAsync(options, mosquittoFolder, parse.GetValue(broker.User) ?? DefaultBrokerUser, output, error);
            }

            if (parse.GetValue(sensorConfig) is { } sensorText)
            {
                return await WriteSensorConfigAsync(options, BoardSensor.Parse(sensorText), parse.GetValue(boardConfigOut), parse.GetValue(wifiSsid), output, error);
            }

            if (parse.GetValue(boardConfig) is { } boardId)
            {
                return await WriteBoardConfigAsync(options, boardId, parse.GetValue(boardConfigOut), parse.GetValue(wifiSsid), output, error);
            }

            return await EmulationConsole.RunAsync(options, output, error, live: !parse.GetValue(noLive), cancellationToken);
        });
        return command;
    }

    private static async Task<int> WriteBoardConfigAsync(EmulationOptions options, ushort boardId, string? folder, string? wifiSsid, TextWriter output, TextWriter error)
    {
        BoardSettings settings;
        try
        {
            var secrets = RunSecrets.LoadOrCreate(options.DataFolder, new HostCryptoPrimitives(), new CryptoRandomSource());
            var wifiPassword = wifiSsid is null ? null : Environment.GetEnvironmentVariable(WifiPasswordVariable) ?? string.Empty;
            settings = BoardSettingsFile.ForBoard(options, secrets, boardId, wifiSsid, wifiPassword);
        }
        catch (EmulationOptionsException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        var (settingsFile, manifest) = BoardProvisioning.Write(settings, folder ?? Path.Combine(options.DataFolder, $"board-gn-{boardId}"));
        await output.WriteLineAsync($"Wrote {settingsFile} (gateway {boardId}, broker {settings.BrokerHost}:{settings.BrokerPort}, {settings.Gateway.SensorIds.Length} sensors) and {manifest}.");
        if (settings.WifiSsid is null)
        {
            await output.WriteLineAsync($"Replace the wifi.ssid and wifi.password placeholders (or give --wifi-ssid and ${WifiPasswordVariable}).");
        }

        await output.WriteLineAsync($"Deploy it to the board: nanoff deploy file {manifest} serialport <PORT>");
        return 0;
    }

    private static async Task<int> WriteMosquittoConfigAsync(EmulationOptions options, string folder, string user, TextWriter output, TextWriter error)
    {
        var password = Environment.GetEnvironmentVariable(BrokerCliOptions.PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"--mosquitto-config: set ${BrokerCliOptions.PasswordVariable} to the password the emulator logs in with as '{user}'.");
            return 2;
        }

        var listen = options.EmbeddedBrokerPort == 0 ? new ListenEndpoint(System.Net.IPAddress.Any, 1883) : options.EmbeddedBrokerListen;
        var secrets = RunSecrets.LoadOrCreate(options.DataFolder, new HostCryptoPrimitives(), new CryptoRandomSource());
        var boards = options.BoardGateways.Select(id => (id, BoardSettingsFile.BrokerUsername(id), secrets.BrokerPassword(id))).ToList();
        var sensors = options.BoardSensors.Select(s => (s.GatewayId, s.SensorId, SensorBoardSettingsFile.BrokerUsername(s), secrets.SensorBrokerPassword(s.GatewayId, s.SensorId))).ToList();
        var config = MosquittoLanConfig.Write(folder, listen, user, password, boards, sensors);
        await output.WriteLineAsync($"Wrote {config} with its password file and ACL (users: {string.Join(", ", boards.Select(b => b.Item2).Concat(sensors.Select(s => s.Item3)).Prepend(user))}).");
        await output.WriteLineAsync($"Start it: mosquitto -v -c {config}");
        return 0;
    }

    private static async Task<int> WriteSensorConfigAsync(EmulationOptions options, BoardSensor sensor, string? folder, string? wifiSsid, TextWriter output, TextWriter error)
    {
        string text;
        try
        {
            var secrets = RunSecrets.LoadOrCreate(options.DataFolder, new HostCryptoPrimitives(), new CryptoRandomSource());
            var wifiPassword = wifiSsid is null ? null : Environment.GetEnvironmentVariable(WifiPasswordVariable) ?? string.Empty;
            text = SensorBoardSettingsFile.Create(options, secrets, sensor, wifiSsid, wifiPassword);
        }
        catch (EmulationOptionsException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        var target = folder ?? Path.Combine(options.DataFolder, $"board-sn-{sensor.GatewayId}-{sensor.SensorId}");
        var (settingsFile, manifest) = BoardProvisioning.Write(text, SensorBoardSettingsFile.FileName, SensorBoardSettingsFile.DevicePath, target);
        await output.WriteLineAsync($"Wrote {settingsFile} (sensor {sensor.SensorId} of gateway {sensor.GatewayId}) and {manifest}.");
        await output.WriteLineAsync($"Deploy it to the sensor board: nanoff deploy file {manifest} serialport <PORT>");
        return 0;
    }
}
