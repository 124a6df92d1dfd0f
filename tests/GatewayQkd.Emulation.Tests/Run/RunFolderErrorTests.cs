using GatewayQkd.Core.Ports;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>The test support fails a run that logged an error, unless the test expects errors.</summary>
public sealed class RunFolderErrorTests
{
    [Fact]
    public async Task A_Run_That_Logged_An_Error_Fails_The_Test()
    {
        var folder = new RunFolder();
        await using (var run = await folder.StartAsync(folder.Options(gateways: 1, sensors: 1, seconds: 1)))
        {
            run.Log.Write(LogLevel.Error, "a failure the test did not ask for");
        }

        var error = Assert.ThrowsAny<Exception>(folder.Dispose);

        Assert.Contains("a failure the test did not ask for", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Test_That_Expects_Errors_Passes_With_Them()
    {
        var folder = new RunFolder();
        folder.ExpectErrors();
        await using (var run = await folder.StartAsync(folder.Options(gateways: 1, sensors: 1, seconds: 1)))
        {
            run.Log.Write(LogLevel.Error, "the failure under test");
        }

        folder.Dispose();
    }
}
