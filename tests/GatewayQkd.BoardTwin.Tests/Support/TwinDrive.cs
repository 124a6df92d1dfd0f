using GatewayQkd.Adapters;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Gateways;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Options;
using GatewayQkd.TestSupport;

namespace GatewayQkd.BoardTwin.Tests.Support;

/// <summary>
/// A folder that plays a board's I:\ drive, with the settings file the host writes for gateway <see cref="GatewayId"/>
/// of a small run (2 sensors) joining <c>broker</c>, and the run's secrets (to seal frames the gateway accepts).
/// </summary>
internal sealed class TwinDrive : IDisposable
{
    public const ushort GatewayId = 7;

    private readonly TempFolder _folder = new();

    public TwinDrive(BrokerEndpoint broker, double speed = 1)
    {
        Options = new EmulationOptions
        {
            Gateways = 0,
            SensorsPerGateway = 2,
            Speed = speed,
            BoardGateways = [GatewayId],
            DataFolder = System.IO.Path.Combine(_folder.Path, "run"),
            OutputFolder = System.IO.Path.Combine(_folder.Path, "out"),
        }.Validated();
        Secrets = RunSecrets.LoadOrCreate(Options.DataFolder, new HostCryptoPrimitives(), new CryptoRandomSource());
        Path = System.IO.Path.Combine(_folder.Path, "drive");
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, BoardSettingsFile.FileName), BoardSettingsFile.Format(BoardSettingsFile.ForTwin(Options, Secrets, GatewayId, broker)));
    }

    public string Path { get; }

    public EmulationOptions Options { get; }

    public RunSecrets Secrets { get; }

    /// <summary>Gets the MQTT client id the firmware uses by default.</summary>
    public static string ClientId => "gatewayqkd-gn-" + GatewayId;

    public void Dispose() => _folder.Dispose();
}
