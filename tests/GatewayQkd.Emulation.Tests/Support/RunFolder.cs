using GatewayQkd.Emulation.Links;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Run;

namespace GatewayQkd.Emulation.Tests.Support;

/// <summary>A temp data and output folder for one emulation run, deleted afterwards, and small fast options.</summary>
internal sealed class RunFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gatewayqkd-run-").FullName;

    /// <summary>Options for a short, fast run: 10x speed, requests every second (emulated), pools of 5120 bits.</summary>
    public EmulationOptions Options(int gateways = 2, int sensors = 2, double seconds = 4) => new EmulationOptions
    {
        Duration = TimeSpan.FromSeconds(seconds),
        Speed = 10,
        Gateways = gateways,
        SensorsPerGateway = sensors,
        RequestMeanIntervalSeconds = 1.0,
        KeyRateModel = KeyRateModel.Constant,
        KeyRateBitsPerSecond = 4096,
        DataFolder = System.IO.Path.Combine(Path, "data"),
        OutputFolder = System.IO.Path.Combine(Path, "out"),
        SampleIntervalSeconds = 0.25,
    }.Validated();

    /// <summary>Starts a run of these options with their link rates.</summary>
    public Task<EmulationRun> StartAsync(EmulationOptions options) => EmulationRun.StartAsync(options, LinkRatesFactory.Create(options));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a finishing client: the OS temp cleaner takes it
        }
    }
}
