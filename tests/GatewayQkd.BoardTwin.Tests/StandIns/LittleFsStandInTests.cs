using GatewayQkd.BoardTwin.StandIns.FileSystem;
using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.TestSupport;

namespace GatewayQkd.BoardTwin.Tests.StandIns;

/// <summary>
/// The LittleFS stand-in commits on Close only, as nanoFramework's driver does (littlefs_FS_Driver.cpp:244-257 Flush is
/// fflush, :345-360 Close is fclose; esp_littlefs.c:2702-2740 leaves a rewrite's truncate unsynced).
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class LittleFsStandInTests : IDisposable
{
    private readonly TempFolder _drive = new();

    public LittleFsStandInTests() => TwinBoard.Reset(_drive.Path);

    [Fact]
    public void A_Rewritten_File_Keeps_Its_Committed_Content_Until_The_Stream_Closes()
    {
        File.WriteAllBytes(_drive.File("pool"), [1, 2, 3]);
        var stream = new LittleFsFileStream("I:\\pool", FileMode.Create);
        stream.Write([9, 9], 0, 2);
        stream.Flush();

        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(_drive.File("pool")));
        stream.Dispose();
        Assert.Equal(new byte[] { 9, 9 }, File.ReadAllBytes(_drive.File("pool")));
    }

    [Fact]
    public void A_Stream_Never_Closed_Leaves_The_File_As_Last_Committed_Like_A_Power_Cut()
    {
        File.WriteAllBytes(_drive.File("log"), [1]);
        var stream = new LittleFsFileStream("I:\\log", FileMode.Append);
        stream.Write([2, 3], 0, 2);
        stream.Flush();

        Assert.Equal(new byte[] { 1 }, LittleFsFile.ReadAllBytes("I:\\log"));
        Assert.Equal(["I:\\log"], LittleFsDirectory.GetFiles("I:\\"));
    }

    [Fact]
    public void Append_Commits_The_Old_And_The_New_Bytes_At_Close()
    {
        File.WriteAllBytes(_drive.File("log"), [1]);
        using (var stream = new LittleFsFileStream("I:\\log", FileMode.Append))
        {
            stream.Write([2, 3], 0, 2);
        }

        Assert.Equal(new byte[] { 1, 2, 3 }, LittleFsFile.ReadAllBytes("I:\\log"));
    }

    [Fact]
    public void Directory_Listing_Gives_Board_Paths()
    {
        LittleFsDirectory.CreateDirectory("I:\\qkd");
        using (var stream = new LittleFsFileStream("I:\\qkd\\b-1", FileMode.Create))
        {
            stream.Write([7], 0, 1);
        }

        Assert.Equal(["I:\\qkd\\b-1"], LittleFsDirectory.GetFiles("I:\\qkd"));
        Assert.Equal("b-1", LittleFsPath.GetFileName("I:\\qkd\\b-1"));
        Assert.True(File.Exists(Path.Combine(_drive.Path, "qkd", "b-1")));
    }

    [Fact]
    public void A_Path_Off_The_Internal_Drive_Is_Refused()
    {
        var e = Assert.Throws<IOException>(() => LittleFsFile.Exists("D:\\gatewayqkd.conf"));

        Assert.Contains("I:\\", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _drive.Dispose();
}
