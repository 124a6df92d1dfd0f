using System.Net;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Emulation.Gateways;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Options;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Emulation.Tests.Gateways;

/// <summary>A real sensor board in a run (`--board-sensor 9:101`): its gateway's settings and its own settings file agree.</summary>
public sealed class SensorBoardSettingsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-sensor-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_Gateway_Serves_The_Board_Sensor_With_The_Key_Its_File_Holds()
    {
        var secrets = Secrets();
        var options = Options();

        var gateway = DeviceSettings.Parse(BoardSettingsFile.Format(BoardSettingsFile.ForBoard(options, secrets, 9, "lab", "pw"))).Gateway;
        var sensorFile = SettingsFile.Parse(SensorBoardSettingsFile.Create(options, secrets, new BoardSensor(9, 101), "lab", "pw"),
            [.. NetworkKeys, SensorBoardSettingsFile.SensorIdKey, SensorBoardSettingsFile.GatewayIdKey, SensorBoardSettingsFile.SensorKeyKey], []);

        Assert.Equal([(ushort)1, (ushort)2, (ushort)101], gateway.SensorIds);
        Assert.Equal(gateway.DeviceKeyOf(101), sensorFile.GetKey256(SensorBoardSettingsFile.SensorKeyKey));
        Assert.Equal(101, sensorFile.GetLong(SensorBoardSettingsFile.SensorIdKey, 1, 65535));
        Assert.Equal(9, sensorFile.GetLong(SensorBoardSettingsFile.GatewayIdKey, 1, 65535));
        Assert.Equal("192.0.2.10", sensorFile.GetString(SettingsKeys.MqttHost));
    }

    [Fact]
    public void Other_Gateways_Get_No_Key_Of_The_Board_Sensor()
    {
        var gateway = GatewayConfigFactory.Create(Options(), Secrets(), 1);

        Assert.Equal([(ushort)1, (ushort)2], gateway.SensorIds);
    }

    [Fact]
    public void A_Board_Sensor_Needs_An_Id_Above_The_Emulated_Ones_And_A_Gateway_Of_The_Run()
    {
        var clash = Options() with { BoardSensors = [new BoardSensor(9, 2)] };
        var stray = Options() with { BoardSensors = [new BoardSensor(40, 101)] };

        Assert.Contains(EmulationOptionsValidator.Validate(clash), p => p.StartsWith("boardSensors sensor ids must be above", StringComparison.Ordinal));
        Assert.Contains(EmulationOptionsValidator.Validate(stray), p => p.StartsWith("boardSensors each gateway", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("9:101", 9, 101)]
    [InlineData("1:3", 1, 3)]
    public void Board_Sensors_Parse(string text, int gateway, int sensor)
    {
        Assert.Equal(new BoardSensor((ushort)gateway, (ushort)sensor), BoardSensor.Parse(text));
    }

    [Theory]
    [InlineData("9")]
    [InlineData("9:0")]
    [InlineData("0:1")]
    [InlineData("9:101:1")]
    [InlineData("9:-1")]
    public void Bad_Board_Sensors_Are_Refused(string text)
    {
        Assert.Throws<FormatException>(() => BoardSensor.Parse(text));
    }

    [Fact]
    public void Refuses_A_Sensor_That_Is_Not_A_Board_Sensor_Of_The_Run()
    {
        var error = Assert.Throws<EmulationOptionsException>(() => SensorBoardSettingsFile.Create(Options(), Secrets(), new BoardSensor(9, 102), null, null));

        Assert.Contains("--board-sensor 9:102", error.Message, StringComparison.Ordinal);
    }

    private static readonly string[] NetworkKeys = [SettingsKeys.WifiSsid, SettingsKeys.WifiPassword, SettingsKeys.MqttHost, SettingsKeys.MqttPort, SettingsKeys.MqttUsername, SettingsKeys.MqttPassword];

    private static EmulationOptions Options() => new()
    {
        Gateways = 3,
        BoardGateways = [9],
        BoardSensors = [new BoardSensor(9, 101)],
        SensorsPerGateway = 2,
        EmbeddedBrokerAddress = IPAddress.Parse("192.0.2.10"),
        EmbeddedBrokerPort = 1883,
    };

    private RunSecrets Secrets() => RunSecrets.LoadOrCreate(Path.Combine(_folder, "data"), new HostCryptoPrimitives(), new SeededRandomSource(7));
}
