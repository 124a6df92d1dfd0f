using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Pool;

public class PowerCutStorageTests
{
    private static readonly byte[] Old = [1, 2, 3];
    private static readonly byte[] New = [9, 8, 7, 6];

    [Fact]
    public void Numbers_Every_Write_Rewrite_Append_And_Delete_As_A_Commit_Point_But_Not_Reads()
    {
        var storage = new PowerCutStorage();
        storage.Write("a", Old, 0, 3);
        storage.Append("a", New, 0, 4);
        storage.Rewrite("a", Old, 0, 3);
        storage.Read("a");
        storage.ListFiles();
        storage.Delete("a");

        Assert.Equal(4, storage.CommitPoints);
    }

    [Theory]
    [InlineData(CutOutcome.Before, new byte[] { 1, 2, 3 })]
    [InlineData(CutOutcome.After, new byte[] { 9, 8, 7, 6 })]
    [InlineData(CutOutcome.Torn, new byte[] { 1, 2, 3 })]
    public void A_Cut_Write_Over_A_File_Leaves_The_Old_Or_The_New_Content(CutOutcome outcome, byte[] expected)
    {
        var storage = Storage();
        storage.ArmCut(2, outcome);

        Assert.Throws<PowerCutException>(() => storage.Write("f", New, 0, 4));
        Assert.Equal(expected, storage.Reboot().Read("f"));
    }

    [Fact]
    public void A_Torn_Write_Of_A_New_File_Leaves_It_Empty()
    {
        var storage = new PowerCutStorage();
        storage.ArmCut(1, CutOutcome.Torn);

        Assert.Throws<PowerCutException>(() => storage.Write("n", New, 0, 4));
        Assert.Empty(storage.Reboot().Read("n"));
    }

    [Theory]
    [InlineData(CutOutcome.Before, new byte[] { 1, 2, 3 })]
    [InlineData(CutOutcome.After, new byte[] { 1, 2, 3, 9, 8, 7, 6 })]
    [InlineData(CutOutcome.Torn, new byte[] { 1, 2, 3, 9, 8 })]
    public void A_Cut_Append_Leaves_Nothing_All_Or_A_Torn_Prefix(CutOutcome outcome, byte[] expected)
    {
        var storage = Storage();
        storage.ArmCut(2, outcome);

        Assert.Throws<PowerCutException>(() => storage.Append("f", New, 0, 4));
        Assert.Equal(expected, storage.Reboot().Read("f"));
    }

    [Fact]
    public void Every_Call_After_The_Cut_Fails_Until_Reboot()
    {
        var storage = Storage();
        storage.ArmCut(2, CutOutcome.After);
        Assert.Throws<PowerCutException>(() => storage.Delete("f"));

        Assert.Throws<PowerCutException>(() => storage.Read("f"));
        Assert.Throws<PowerCutException>(() => storage.Write("g", Old, 0, 3));
        Assert.False(storage.Reboot().Exists("f"));
    }

    [Theory]
    [InlineData(CutOutcome.Before)]
    [InlineData(CutOutcome.Torn)]
    public void A_Cut_Before_The_Next_Write_Returns_Brings_Back_The_Files_Deleted_Since(CutOutcome outcome)
    {
        var storage = Storage();
        storage.Delete("f");
        Assert.False(storage.Exists("f"));
        storage.ArmCut(3, outcome);

        Assert.Throws<PowerCutException>(() => storage.Write("g", New, 0, 4));
        Assert.Equal(Old, storage.Reboot().Read("f"));
    }

    [Fact]
    public void A_Delete_Followed_By_A_Returned_Write_Stays_Deleted_Across_A_Cut()
    {
        var storage = Storage();
        storage.Delete("f");
        storage.Write("g", New, 0, 4);
        storage.ArmCut(4, CutOutcome.Before);

        Assert.Throws<PowerCutException>(() => storage.Write("h", New, 0, 4));
        Assert.False(storage.Reboot().Exists("f"));
    }

    [Theory]
    [InlineData(CutOutcome.Before)]
    [InlineData(CutOutcome.Torn)]
    public void A_Cut_Before_The_Next_File_Creation_Brings_Back_A_Rewritten_Files_Old_Content(CutOutcome outcome)
    {
        var storage = Storage();
        storage.Rewrite("f", New, 0, 4);
        storage.Write("f2", Old, 0, 3);
        storage.Rewrite("f2", New, 0, 4);
        storage.Write("f", New, 0, 4); // over an existing file: durable itself, but no directory sync
        storage.ArmCut(storage.CommitPoints + 1, outcome);

        Assert.Throws<PowerCutException>(() => storage.Delete("f"));
        var flash = storage.Reboot();
        Assert.Equal(New, flash.Read("f")); // the returned Write is kept
        Assert.Equal(Old, flash.Read("f2")); // the rewrite after the last creation is undone
    }

    [Fact]
    public void A_Rewrite_Followed_By_A_Returned_File_Creation_Stays_Across_A_Cut()
    {
        var storage = Storage();
        storage.Rewrite("f", New, 0, 4);
        storage.Write("g", Old, 0, 3);
        storage.ArmCut(storage.CommitPoints + 1, CutOutcome.Before);

        Assert.Throws<PowerCutException>(() => storage.Write("h", Old, 0, 3));
        Assert.Equal(New, storage.Reboot().Read("f"));
    }

    [Theory]
    [InlineData(CutOutcome.Before, new byte[] { 1, 2, 3 })]
    [InlineData(CutOutcome.Torn, new byte[] { 1, 2, 3 })]
    [InlineData(CutOutcome.After, new byte[] { 9, 8, 7, 6 })]
    public void A_Cut_Rewrite_Leaves_The_Old_Or_The_New_Content_Never_A_Torn_One(CutOutcome outcome, byte[] expected)
    {
        var storage = Storage();
        storage.ArmCut(2, outcome);

        Assert.Throws<PowerCutException>(() => storage.Rewrite("f", New, 0, 4));
        Assert.Equal(expected, storage.Reboot().Read("f"));
    }

    [Fact]
    public void Reboot_Copies_The_Flash_So_The_Old_Device_Cannot_Change_It()
    {
        var storage = Storage();
        var rebooted = storage.Reboot();
        storage.Flash.SetRaw("f", New);

        Assert.Equal(Old, rebooted.Read("f"));
    }

    private static PowerCutStorage Storage()
    {
        var storage = new PowerCutStorage();
        storage.Write("f", Old, 0, 3);
        return storage;
    }
}
