using GatewayQkd.NanoApi.Tests.Checker;

namespace GatewayQkd.NanoApi.Tests;

/// <summary>
/// Device code (nanoFramework-only packages, no .NET build) is compiled against the stubs generated from the listings:
/// calls must match nanoFramework's exact signatures.
/// </summary>
public class DeviceApiCheckerTests
{
    private static readonly string[] DevicePackages =
    [
        "nanoFramework.CoreLibrary", "nanoFramework.System.Collections", "nanoFramework.M2Mqtt", "nanoFramework.System.Net",
        "nanoFramework.System.Security.Cryptography", "nanoFramework.System.Device.Gpio",
    ];

    [Theory]
    [InlineData("var client = new MqttClient(\"broker\"); client.Publish(\"t\", new byte[1], MqttQoSLevel.AtLeastOnce, false);", "CS1503")]
    [InlineData("var hmac = new HMACSHA256(new byte[32]); hmac.ComputeHash(new byte[4], 0, 4);", "CS1501")]
    [InlineData("var aes = new Aes(); aes.Key = new byte[32];", "CS7036")]
    [InlineData("var controller = new GpioController(); controller.OpenPin(2, PinMode.Output, PinValue.High);", "CS1501")]
    [InlineData("var money = 1.5m; System.Console.WriteLine(money.ToString());", "System.Decimal")]
    [InlineData("var wifi = new System.Device.Wifi.WifiAdapter(); wifi.Disconnect();", "package-not-referenced")]
    public void Reports_Calls_That_Do_Not_Match_NanoFramework_Signatures(string body, string expected)
    {
        var violations = Check(body);

        Assert.Contains(violations, v => v.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_Calls_As_The_Facts_Sheet_Gives_Them()
    {
        const string Body = """
            var client = new MqttClient("broker");
            client.MqttMsgPublishReceived += (sender, e) => System.Console.WriteLine(e.Topic + e.Message.Length);
            client.Connect("id", null, null, false, MqttQoSLevel.AtLeastOnce, true, "gw/1/status", "offline", true, 60);
            client.Publish("t", new byte[1], null, null, MqttQoSLevel.AtLeastOnce, false);
            var aes = new Aes(CipherMode.ECB);
            aes.Key = new byte[32];
            var cipher = aes.Encrypt(new byte[16]);
            var mac = new HMACSHA256(new byte[32]).ComputeHash(cipher);
            var controller = new GpioController();
            var led = controller.OpenPin(2, PinMode.Output);
            led.Write(PinValue.High);
            led.Toggle();
            """;

        var violations = Check(Body);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static List<Violation> Check(string body)
    {
        var source = "using System.Device.Gpio;\nusing System.Security.Cryptography;\nusing nanoFramework.M2Mqtt;\nusing nanoFramework.M2Mqtt.Messages;\n" +
                     "namespace S\n{\n    internal sealed class A\n    {\n        internal void Run()\n        {\n" + body + "\n        }\n    }\n}\n";
        return NanoApiChecker.Check([new FirmwareSource("device/A.cs", source, DevicePackages)], alsoBuiltForDotnet: false);
    }
}
