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
    public async Task Emulate_Prints_What_A_Board_Needs_To_Join()
    {
        var data = Path.Combine(_folder, "data");

        var (exit, output, error) = await EmulationCommandRunner.RunAsync("emulate", "--board", "10", "--board-config", "10", "--data", data);

        Assert.True(exit == 0, error);
        var config = JsonNode.Parse(output)!;
        Assert.Equal(10, (int)config["gatewayId"]!);
        Assert.Equal(64, ((string)config["linkKeyHex"]!).Length);
        Assert.Contains("qkd/gn/10/blocks", config["topics"]!["subscribe"]!.AsArray().Select(t => (string)t!));
        Assert.True(File.Exists(Path.Combine(data, "master-secret.bin")), "the keys must come from the run's data folder");
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
