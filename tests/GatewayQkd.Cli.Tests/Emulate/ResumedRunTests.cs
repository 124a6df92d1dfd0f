using System.Text.Json.Nodes;

namespace GatewayQkd.Cli.Tests.Emulate;

/// <summary>A second `emulate` on the same data folder resumes, says so, and reports into its own folder.</summary>
public sealed class ResumedRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-cli-resume-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_Resumed_Run_Says_So_And_Leaves_The_First_Report_As_It_Was()
    {
        var outFolder = Path.Combine(_folder, "out");
        string[] args = ["emulate", "--duration", "1", "--speed", "10", "--gateways", "1", "--sensors", "1", "--no-live",
            "--data", Path.Combine(_folder, "data"), "--out", outFolder];
        var first = await EmulationCommandRunner.RunAsync(args);
        Assert.True(first.ExitCode == 0, first.Error);
        var firstSummary = await File.ReadAllTextAsync(Path.Combine(outFolder, "summary.json"));

        var (exit, output, error) = await EmulationCommandRunner.RunAsync(args);

        Assert.True(exit == 0, error);
        Assert.Contains("Run 2 resumes the deployment", output, StringComparison.Ordinal);
        Assert.Equal(firstSummary, await File.ReadAllTextAsync(Path.Combine(outFolder, "summary.json")));
        var second = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outFolder, "run-2", "summary.json")))!;
        Assert.Equal(2, (int)second["run"]!["number"]!);
        Assert.True((bool)second["run"]!["resumed"]!);
        var blocksBefore = (long)JsonNode.Parse(firstSummary)!["counters"]!["blocks_pushed"]!;
        Assert.True((long)second["run"]!["state_at_start"]!["central_store_blocks"]! >= blocksBefore);
        Assert.Equal(0, (long)second["keys"]!["lost_bits"]!);
        Assert.False((bool)JsonNode.Parse(firstSummary)!["run"]!["resumed"]!);
    }

    [Fact]
    public async Task Every_Report_File_Names_The_Program_Version_And_The_Inputs()
    {
        var outFolder = Path.Combine(_folder, "out");

        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--duration", "1", "--speed", "10", "--gateways", "1", "--sensors", "1",
            "--seed", "42", "--no-live", "--data", Path.Combine(_folder, "data"), "--out", outFolder);

        Assert.True(exit == 0, error);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outFolder, "summary.json")))!;
        Assert.Equal("gatewayqkd", (string)summary["program"]!["name"]!);
        Assert.False(string.IsNullOrEmpty((string?)summary["program"]!["version"]));
        Assert.Equal(42, (int)summary["inputs"]!["seed"]!);
        foreach (var csv in new[] { "timeseries.csv", "counters.csv" })
        {
            var lines = await File.ReadAllLinesAsync(Path.Combine(outFolder, csv));
            Assert.StartsWith("# gatewayqkd " + (string)summary["program"]!["version"]!, lines[0], StringComparison.Ordinal);
            Assert.Equal(summary["inputs"]!.ToJsonString(), lines[1]["# inputs: ".Length..]);
        }
    }
}
