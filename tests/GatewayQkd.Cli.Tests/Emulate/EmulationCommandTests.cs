using System.Text.Json.Nodes;

namespace GatewayQkd.Cli.Tests.Emulate;

/// <summary>The demo, emulate and bench commands as a user calls them.</summary>
public sealed class EmulationCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-cli-emulate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Demo_Runs_The_System_And_Writes_The_Report()
    {
        var outFolder = Path.Combine(_folder, "demo");

        var (exit, output, error) = await EmulationCommandRunner.RunAsync("demo", "--duration", "3", "--no-live", "--out", outFolder);

        Assert.True(exit == 0, error);
        Assert.Contains("decrypted and verified", output, StringComparison.Ordinal);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, "summary.json")))!;
        Assert.True((long)summary["keys"]!["generated_bits"]! > 0);
        Assert.True(File.Exists(Path.Combine(outFolder, "pool-levels.png")));
    }

    [Fact]
    public async Task Emulate_Refuses_A_Scenario_With_A_Bad_Value_Naming_It()
    {
        var scenario = Path.Combine(_folder, "bad.yaml");
        await File.WriteAllTextAsync(scenario, "speed: -3\n");

        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--scenario", scenario);

        Assert.Equal(2, exit);
        Assert.Contains("speed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_Refuses_A_Broker_Address_Without_A_Port()
    {
        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--broker", "localhost");

        Assert.NotEqual(0, exit);
        Assert.Contains("HOST:PORT", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_Runs_On_A_Nats_Cluster_Given_As_A_Node_List_With_Mqtt_3_1_1()
    {
        await using var cluster = await GatewayQkd.Emulation.Broker.NatsCluster.StartAsync();
        var nodes = string.Join(",", cluster.Endpoint.Addresses);
        var outFolder = Path.Combine(_folder, "out");

        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--broker", nodes, "--broker-mqtt", "3.1.1", "--duration", "2",
            "--speed", "10", "--gateways", "2", "--sensors", "1", "--no-live", "--data", Path.Combine(_folder, "data"), "--out", outFolder);

        Assert.True(exit == 0, error);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, "summary.json")))!;
        Assert.True((long)summary["telemetry"]!["verified"]! > 0);
    }

    [Fact]
    public async Task Emulate_Refuses_A_Kms_Port_Out_Of_Range_Naming_The_Option()
    {
        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--kms-port", "70000", "--data", Path.Combine(_folder, "data"));

        Assert.NotEqual(0, exit);
        Assert.Contains("--kms-port", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public async Task Emulate_Serves_The_Etsi014_Kms_And_Prints_Its_Url()
    {
        var data = Path.Combine(_folder, "data");

        var (exit, output, error) = await EmulationCommandRunner.RunAsync("emulate", "--duration", "1", "--speed", "10", "--gateways", "1",
            "--sensors", "1", "--no-live", "--kms-port", "0", "--data", data, "--out", Path.Combine(_folder, "out"));

        Assert.True(exit == 0, error);
        Assert.Matches(@"KMS at https://127\.0\.0\.1:\d+/", output);
        Assert.True(File.Exists(Path.Combine(data, "certs", "gn-1.pfx")));
    }

    [Fact]
    public async Task Emulate_With_Two_Workers_Shares_The_Gateways_Through_Leases_And_Verifies_Telemetry()
    {
        var outFolder = Path.Combine(_folder, "out");

        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--duration", "3", "--speed", "10", "--gateways", "2",
            "--sensors", "1", "--no-live", "--workers", "2", "--worker-database", "sqlite:" + Path.Combine(_folder, "leases.sqlite"), "--data", Path.Combine(_folder, "data"), "--out", outFolder);

        Assert.True(exit == 0, error);
        using (var leases = new GatewayQkd.Kms.Cluster.GatewayLeases(GatewayQkd.Kms.Cluster.DatabaseEngine.Sqlite(Path.Combine(_folder, "leases.sqlite"))))
        {
            Assert.All(new ushort[] { 1, 2 }, id => Assert.StartsWith("w", leases.Get(id)?.Owner, StringComparison.Ordinal)); // each gateway leased by a worker
        }

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, "summary.json")))!;
        Assert.True((long)summary["telemetry"]!["verified"]! > 0);
    }

    [Fact]
    public async Task Emulate_Keeps_The_Central_Key_Store_In_The_Database_Key_Store_Names()
    {
        var storeFile = Path.Combine(_folder, "keys", "central.sqlite");

        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--duration", "3", "--speed", "10", "--gateways", "2",
            "--sensors", "1", "--no-live", "--workers", "2", "--key-store", "sqlite:" + storeFile, "--data", Path.Combine(_folder, "data"), "--out", Path.Combine(_folder, "out"));

        Assert.True(exit == 0, error);
        Assert.False(File.Exists(Path.Combine(_folder, "data", "central-keys.sqlite")), "the default store file was written");
        using var store = GatewayQkd.Kms.Store.CentralKeyStore.Open(storeFile);
        Assert.NotEmpty(store.GetAllCounts());
    }

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--worker-database", "db1")]
    [InlineData("--key-store", "keys.db")]
    public async Task Emulate_Refuses_A_Bad_Workers_Option_Naming_It(params string[] options)
    {
        var (exit, _, error) = await EmulationCommandRunner.RunAsync(["emulate", .. options, "--data", Path.Combine(_folder, "data")]);

        Assert.NotEqual(0, exit);
        Assert.Contains(options[0], error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public async Task Emulate_Listening_On_Every_Interface_Prints_Where_A_Board_Connects()
    {
        var (exit, output, error) = await EmulationCommandRunner.RunAsync("emulate", "--duration", "1", "--speed", "10", "--gateways", "1",
            "--sensors", "1", "--no-live", "--listen", "0.0.0.0:0", "--data", Path.Combine(_folder, "data"), "--out", Path.Combine(_folder, "out"));

        Assert.True(exit == 0, error);
        var match = System.Text.RegularExpressions.Regex.Match(output, @"A board connects to (\S+):(\d+) \(settings mqtt\.host=\1, mqtt\.port=\2\); the embedded broker listens on 0\.0\.0\.0:\2\.");
        Assert.True(match.Success, output);
        Assert.NotEqual("127.0.0.1", match.Groups[1].Value);
        Assert.NotEqual("0", match.Groups[2].Value);
    }

    [Fact]
    public async Task Demo_On_Loopback_Says_No_Board_Can_Reach_Its_Broker()
    {
        var (exit, output, error) = await EmulationCommandRunner.RunAsync("demo", "--duration", "1", "--no-live", "--gateways", "1", "--out", Path.Combine(_folder, "demo"));

        Assert.True(exit == 0, error);
        Assert.Contains("a board cannot reach it (use --listen 0.0.0.0:1883)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--listen", "lab-pc:1883")]
    [InlineData("--listen", "0.0.0.0:1883", "--broker-port", "1883")]
    public async Task Emulate_Refuses_A_Bad_Listen_Option_Naming_It(params string[] options)
    {
        var (exit, _, error) = await EmulationCommandRunner.RunAsync(["emulate", .. options, "--data", Path.Combine(_folder, "data")]);

        Assert.NotEqual(0, exit);
        Assert.Contains("--listen", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public async Task Emulate_Writes_The_Settings_File_The_Board_Parser_Reads_With_The_Runs_Keys()
    {
        var data = Path.Combine(_folder, "data");

        var (exit, output, error) = await EmulationCommandRunner.RunAsync("emulate", "--gateways", "3", "--board", "9", "--board-config", "9",
            "--listen", "0.0.0.0:1883", "--data", data);

        Assert.True(exit == 0, error);
        var file = Path.Combine(data, "board-gn-9", "gatewayqkd.conf");
        Assert.Contains($"Wrote {file}", output, StringComparison.Ordinal);
        var settings = GatewayQkd.Core.Board.DeviceSettings.Parse(File.ReadAllText(file));
        var secrets = GatewayQkd.Emulation.Keys.RunSecrets.LoadOrCreate(data, new GatewayQkd.Adapters.HostCryptoPrimitives(), new GatewayQkd.Adapters.CryptoRandomSource());
        Assert.Equal(9, settings.Gateway.GatewayId);
        Assert.Equal(secrets.LinkKey(9), settings.Gateway.LinkKey);
        Assert.Equal(secrets.DeviceKey(9, 3), settings.Gateway.DeviceKeyOf(3));
        Assert.Equal(1883, settings.BrokerPort);
        Assert.NotEqual("127.0.0.1", settings.BrokerHost);
        Assert.Contains("nanoff deploy file " + Path.Combine(data, "board-gn-9", "filedeployment.json"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_Refuses_A_Board_Config_For_A_Broker_Without_A_Fixed_Port_And_Writes_Nothing()
    {
        var data = Path.Combine(_folder, "data");

        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--board", "9", "--board-config", "9", "--listen", "0.0.0.0:0", "--data", data);

        Assert.Equal(2, exit);
        Assert.Contains("--listen 0.0.0.0:1883", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(data, "board-gn-9")));
    }

    [Fact]
    public async Task Bench_Lists_Its_Suites_And_Refuses_An_Unknown_One()
    {
        var (listExit, list, _) = await EmulationCommandRunner.RunAsync("bench", "--list");
        var (unknownExit, _, error) = await EmulationCommandRunner.RunAsync("bench", "no-such-suite");

        Assert.Equal(0, listExit);
        Assert.Contains("emulation:", list, StringComparison.Ordinal);
        Assert.Equal(2, unknownExit);
        Assert.Contains("no-such-suite", error, StringComparison.Ordinal);
    }
}
