namespace GatewayQkd.Cli.Tests.Emulate;

/// <summary>
/// `--virtual-time`: the same seed and options give the same report, byte for byte, every file (summary.json,
/// timeseries.csv, counters.csv, the two charts, emulation.log); another seed gives another run.
/// </summary>
public sealed class VirtualTimeTests : IDisposable
{
    // Run state in RAM where there is some: every durable write pays no fsync (the run is serial in virtual time).
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "gatewayqkd-virtual-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_Same_Seed_Gives_The_Same_Report_Byte_For_Byte()
    {
        var first = await RunAsync(seed: 7);
        var second = await RunAsync(seed: 7);

        Assert.Equal(Emulation.Report.ReportWriter.Files.Append("emulation.log").Order(), first.Keys.Order());
        Assert.All(first, f => Assert.True(f.Value.AsSpan().SequenceEqual(second[f.Key]), $"{f.Key} differs between two runs with the same seed"));
        var summary = System.Text.Json.Nodes.JsonNode.Parse(first["summary.json"])!;
        Assert.True((long)summary["keys"]!["delivered_bits"]! > 0);
        Assert.True((long)summary["telemetry"]!["verified"]! > 0);
        Assert.True((bool)summary["inputs"]!["virtualTime"]!);
    }

    [Fact]
    public async Task Another_Seed_Gives_Another_Run()
    {
        var first = await RunAsync(seed: 7);
        var other = await RunAsync(seed: 8);

        Assert.False(first["timeseries.csv"].AsSpan().SequenceEqual(other["timeseries.csv"]));
    }

    [Fact]
    public async Task Virtual_Time_Refuses_A_Board_Naming_Both_Options()
    {
        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--virtual-time", "--board", "10");

        Assert.Equal(2, exit);
        Assert.Contains("--virtual-time cannot be used with boards", error, StringComparison.Ordinal);
    }

    // One emulate run on a fresh data folder; returns every report file's bytes by name. The paths are the same for
    // every run (they are inputs, and the report names its inputs), so the first run's files are read before the next.
    private async Task<Dictionary<string, byte[]>> RunAsync(int seed)
    {
        var outFolder = Path.Combine(_folder, "out");
        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--virtual-time", "--fresh", "--duration", "6", "--speed", "5",
            "--gateways", "2", "--sensors", "2", "--key-rate", "channel", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--no-live", "--data", Path.Combine(_folder, "data"), "--out", outFolder);
        Assert.True(exit == 0, error);
        return Directory.GetFiles(outFolder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
    }
}
