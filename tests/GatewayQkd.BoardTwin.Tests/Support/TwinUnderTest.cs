using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Gateways;

namespace GatewayQkd.BoardTwin.Tests.Support;

/// <summary>Starting a board twin on a test broker and reading what its gateway service did from its console.</summary>
internal static class TwinUnderTest
{
    /// <summary>Powers a twin on and waits until it runs and has subscribed to its blocks topic.</summary>
    public static async Task<BoardTwinProcess> StartAsync(TwinDrive drive, TestBroker broker)
    {
        var twin = BoardTwinProcess.Start(TwinDrive.GatewayId, drive.Path, new NullLog());
        Assert.True(await twin.WaitUntilRunningAsync(TimeSpan.FromSeconds(30)), string.Join("\n", twin.Lines));
        Assert.True(await Eventually.TrueAsync(() => broker.HasSubscribed(TwinDrive.ClientId, BlocksTopic)));
        return twin;
    }

    /// <summary>Gets the twin gateway's blocks topic.</summary>
    public static string BlocksTopic => Topics.Blocks(TwinDrive.GatewayId);

    /// <summary>Returns how many messages on the blocks topic the gateway service read and rejected (unauthenticated).</summary>
    public static int RejectedBlocks(BoardTwinProcess twin) => twin.Lines.Count(l => l.Contains($"Rejected message on '{BlocksTopic}'", StringComparison.Ordinal));

    /// <summary>Returns a frame the service reads and rejects (it carries no valid tag): number <paramref name="i"/>.</summary>
    public static byte[] Unauthenticated(int i) => [0x51, (byte)i, 0, 0];
}
