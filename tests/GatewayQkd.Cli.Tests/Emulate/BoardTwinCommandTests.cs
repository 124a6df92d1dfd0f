using System.Text.Json.Nodes;

namespace GatewayQkd.Cli.Tests.Emulate;

/// <summary>`demo --board-twin` and `emulate --board-twin ID`: a gateway runs as a board twin process (issue 11).</summary>
public sealed class BoardTwinCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-cli-twin-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Demo_Board_Twin_Runs_The_Last_Gateway_As_A_Twin_Process_And_The_Summary_Names_It()
    {
        var outFolder = Path.Combine(_folder, "demo");

        var (exit, output, error) = await EmulationCommandRunner.RunAsync("demo", "--board-twin", "--gateways", "2", "--duration", "3", "--no-live", "--out", outFolder);

        Assert.True(exit == 0, error);
        Assert.Contains("1 gateways + 1 boards (1 board twins)", output, StringComparison.Ordinal);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, "summary.json")))!;
        var setup = summary["setup"]!;
        Assert.Equal([2], setup["board_twins"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(1, (int)setup["gateways"]!);
        Assert.Contains("board twin gn-2: Gateway 2 running.", File.ReadAllText(Path.Combine(outFolder, "emulation.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_Refuses_A_Board_Twin_Id_Among_The_Emulated_Ones_Naming_The_Problem()
    {
        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--gateways", "3", "--board-twin", "2", "--data", Path.Combine(_folder, "data"), "--out", Path.Combine(_folder, "out"));

        Assert.Equal(2, exit);
        Assert.Contains("must be above the emulated ones", error, StringComparison.Ordinal);
    }
}
