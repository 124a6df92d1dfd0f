namespace GatewayQkd.Cli.Tests.Emulate;

/// <summary>`emulate --mosquitto-config`: the Mosquitto LAN configuration of the bench guide, as a user asks for it.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class MosquittoConfigCommandTests : IDisposable
{
    private const string Variable = "GATEWAYQKD_BROKER_PASSWORD";
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-cli-mosquitto-").FullName;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Writes_A_Listener_On_Every_Interface_With_A_Login_And_Acl_Per_Board()
    {
        Environment.SetEnvironmentVariable(Variable, "emulator-pw");
        var target = Path.Combine(_folder, "mosquitto");

        var (exit, output, error) = await EmulationCommandRunner.RunAsync("emulate", "--gateways", "3", "--board", "9", "--board", "10",
            "--mosquitto-config", target, "--data", Path.Combine(_folder, "data"));

        Assert.True(exit == 0, error);
        Assert.Contains("listener 1883\n", await File.ReadAllTextAsync(Path.Combine(target, "mosquitto.conf")), StringComparison.Ordinal);
        var users = (await File.ReadAllLinesAsync(Path.Combine(target, "passwd"))).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]);
        Assert.Equal(["gatewayqkd", "gn-9", "gn-10"], users);
        Assert.Contains("user gn-10\ntopic read qkd/gn/10/blocks\n", await File.ReadAllTextAsync(Path.Combine(target, "acl")), StringComparison.Ordinal);
        Assert.Contains("mosquitto -v -c " + Path.Combine(target, "mosquitto.conf"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_Without_The_Emulators_Password_And_Writes_Nothing()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        var target = Path.Combine(_folder, "mosquitto");

        var (exit, _, error) = await EmulationCommandRunner.RunAsync("emulate", "--board", "9", "--mosquitto-config", target, "--data", Path.Combine(_folder, "data"));

        Assert.Equal(2, exit);
        Assert.Contains(Variable, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }
}
