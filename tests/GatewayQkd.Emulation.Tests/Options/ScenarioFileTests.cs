using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Tests.Options;

/// <summary>Scenario files in JSON and YAML, and the errors bad ones get.</summary>
public sealed class ScenarioFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-scenario-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_A_Yaml_Scenario_And_Keeps_Defaults_For_Omitted_Fields()
    {
        var path = Write("s.yaml", "name: islands\ngateways: 7\nspeed: 20\nsecurityLevels: [1, 5]\nkeyRateModel: channel\n");

        var options = ScenarioFile.Load(path);

        Assert.Equal("islands", options.Name);
        Assert.Equal(7, options.Gateways);
        Assert.Equal(20, options.Speed);
        Assert.Equal([1, 5], options.SecurityLevels);
        Assert.Equal(KeyRateModel.Channel, options.KeyRateModel);
        Assert.Equal(new EmulationOptions().SensorsPerGateway, options.SensorsPerGateway);
    }

    [Fact]
    public void Reads_The_Status_Interval_And_Keeps_One_Second_When_Omitted()
    {
        var set = ScenarioFile.Load(Write("status.yaml", "statusIntervalSeconds: 10\n"));
        var plain = ScenarioFile.Load(Write("plain.yaml", "gateways: 2\n"));

        Assert.Equal(10, set.StatusIntervalSeconds);
        Assert.Equal(1, plain.StatusIntervalSeconds);
    }

    [Fact]
    public void Reads_The_Kms_Port_And_Certificate_Folder_And_Leaves_The_Kms_Off_When_Omitted()
    {
        var path = Write("kms.yaml", "kmsPort: 8443\nkmsCerts: my-certs\ndataFolder: d\n");
        var plain = Write("plain.yaml", "dataFolder: d\n");

        var options = ScenarioFile.Load(path);
        var without = ScenarioFile.Load(plain);

        Assert.Equal(8443, options.KmsPort);
        Assert.Equal("my-certs", options.KmsCertificateFolder);
        Assert.Null(without.KmsPort);
        Assert.Equal(Path.Combine("d", "certs"), without.KmsCertificateFolder);
    }

    [Fact]
    public void Reads_The_Embedded_Broker_Listen_Address_And_Keeps_Loopback_When_Omitted()
    {
        var lan = ScenarioFile.Load(Write("lan.yaml", "listen: 0.0.0.0:1883\n"));
        var plain = ScenarioFile.Load(Write("plain.yaml", "gateways: 2\n"));

        Assert.Equal(System.Net.IPAddress.Any, lan.EmbeddedBrokerAddress);
        Assert.Equal(1883, lan.EmbeddedBrokerPort);
        Assert.Equal(System.Net.IPAddress.Loopback, plain.EmbeddedBrokerAddress);
    }

    [Theory]
    [InlineData("listen: lab-pc:1883\n", "listen:")]
    [InlineData("listen: 0.0.0.0:1883\nembeddedBrokerPort: 1884\n", "not both")]
    public void Rejects_A_Bad_Listen_Address_Naming_The_Field(string yaml, string expected)
    {
        var path = Write("bad-listen.yaml", yaml);

        var error = Assert.Throws<EmulationOptionsException>(() => ScenarioFile.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_A_Json_Scenario_With_An_External_Broker_And_The_Password_From_The_Environment()
    {
        var path = Write("s.json", """{ "durationSeconds": 5, "broker": { "host": "mq.example", "port": 8883, "tls": true, "username": "hap", "passwordVariable": "MQ_PW" } }""");

        var options = ScenarioFile.Load(path, name => name == "MQ_PW" ? "from-env" : null);

        Assert.Equal(TimeSpan.FromSeconds(5), options.Duration);
        Assert.NotNull(options.ExternalBroker);
        Assert.Equal("mq.example", options.ExternalBroker.Host);
        Assert.Equal(8883, options.ExternalBroker.Port);
        Assert.True(options.ExternalBroker.UseTls);
        Assert.Equal("from-env", options.ExternalBroker.Password);
    }

    [Fact]
    public void Rejects_An_Unknown_Key_Naming_It()
    {
        var path = Write("s.yaml", "gateway: 3\n");

        var error = Assert.Throws<EmulationOptionsException>(() => ScenarioFile.Load(path));

        Assert.Contains("gateway", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s.json", "{ \"gateways\": 2, \"gateways\": 9 }")]
    [InlineData("s.yaml", "gateways: 2\ngateways: 9\n")]
    public void Rejects_A_Key_Given_Twice(string name, string text)
    {
        var path = Write(name, text);

        var error = Assert.Throws<EmulationOptionsException>(() => ScenarioFile.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_Out_Of_Range_Values_Naming_Each_Field()
    {
        var path = Write("s.json", """{ "speed": -1, "tradeOff": 2 }""");

        var error = Assert.Throws<EmulationOptionsException>(() => ScenarioFile.Load(path));

        Assert.Contains(error.Problems, p => p.Contains("speed", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("tradeOff", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_A_Missing_Password_Variable()
    {
        var path = Write("s.yaml", "broker:\n  host: h\n  port: 1883\n  username: u\n  passwordVariable: NOPE\n");

        var error = Assert.Throws<EmulationOptionsException>(() => ScenarioFile.Load(path, _ => null));

        Assert.Contains("NOPE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_Malformed_Json_With_The_File_Name()
    {
        var path = Write("s.json", "{ \"gateways\": ");

        var error = Assert.Throws<EmulationOptionsException>(() => ScenarioFile.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_An_Unsupported_Extension()
    {
        var path = Write("s.toml", "gateways = 2");

        Assert.Throws<EmulationOptionsException>(() => ScenarioFile.Load(path));
    }

    [Fact]
    public void Loads_The_Shipped_Example_Scenarios()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "scenarios");
        var files = Directory.GetFiles(folder);

        Assert.NotEmpty(files);
        Assert.All(files, f => ScenarioFile.Load(f, _ => "pw"));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
