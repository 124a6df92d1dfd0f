using GatewayQkd.Core.Ports;
using GatewayQkd.Emulation.Links;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Run;

namespace GatewayQkd.Emulation.Tests.Support;

/// <summary>
/// A temp data and output folder for one emulation run, deleted afterwards, and small fast options. Like MQTTnet's test
/// environment (dotnet/MQTTnet, Source/MQTTnet.Tests/Mockups/TestEnvironment.cs: a test fails when the server or a client logged an error
/// unless it set IgnoreServerLogErrors/IgnoreClientLogErrors), disposing it fails the test when a run it started logged
/// an error, unless the test called <see cref="ExpectErrors"/>.
/// </summary>
internal sealed class RunFolder : IDisposable
{
    private readonly List<EmulationRun> _runs = [];
    private bool _errorsExpected;

    public string Path { get; } = Directory.CreateTempSubdirectory("gatewayqkd-run-").FullName;

    /// <summary>Lets the runs of this test log errors (a test of a failure the run must report).</summary>
    public void ExpectErrors() => _errorsExpected = true;

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

    /// <summary>Starts a run of these options with their link rates; <paramref name="log"/> gets every log line when given.</summary>
    public async Task<EmulationRun> StartAsync(EmulationOptions options, TextWriter? log = null)
    {
        var run = await EmulationRun.StartAsync(options, LinkRatesFactory.Create(options), log);
        _runs.Add(run);
        return run;
    }

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

        var errors = _runs.Sum(r => r.Log.Count(LogLevel.Error));
        if (errors > 0 && !_errorsExpected)
        {
            throw new Xunit.Sdk.XunitException($"The run logged {errors} error(s) the test did not expect; its last lines:\n{string.Join('\n', _runs.SelectMany(r => r.Log.Recent()))}");
        }
    }
}
