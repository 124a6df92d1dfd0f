using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>Sender counters never repeat across restarts and cost one storage write per chunk.</summary>
public sealed class SendCounterTests : IDisposable
{
    private readonly ProtocolFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Counters_Start_At_One_And_Increase()
    {
        var counter = new SendCounter(_fx.Storage, "sc-a", 4);

        Assert.Equal(new uint[] { 1, 2, 3, 4, 5 }, Enumerable.Range(0, 5).Select(_ => counter.Next()).ToArray());
    }

    [Fact]
    public void Restart_Resumes_Above_Every_Counter_Used_Before()
    {
        var used = new List<uint>();
        for (var restart = 0; restart < 5; restart++)
        {
            var counter = new SendCounter(_fx.Storage, "sc-b", 8);
            for (var i = 0; i < restart + 3; i++)
            {
                used.Add(counter.Next());
            }
        }

        Assert.Equal(used.Count, used.Distinct().Count());
        Assert.Equal(used.OrderBy(c => c), used);
    }

    [Fact]
    public void One_Storage_Write_Reserves_A_Whole_Chunk()
    {
        var counter = new SendCounter(_fx.Storage, "sc-c", 16);
        counter.Next();
        var fileBefore = _fx.Storage.Read("sc-c");
        for (var i = 0; i < 15; i++)
        {
            counter.Next();
        }

        Assert.Equal(fileBefore, _fx.Storage.Read("sc-c"));
        Assert.Equal(17u, counter.Next());
        Assert.NotEqual(fileBefore, _fx.Storage.Read("sc-c"));
    }

    [Fact]
    public void Reserving_A_Batch_Larger_Than_A_Chunk_Costs_One_Write()
    {
        var storage = new GatewayQkd.TestSupport.InMemoryKeyStorage();
        var counter = new SendCounter(storage, "sc-r", 16);

        counter.Reserve(100);
        var writes = storage.Writes;
        var used = Enumerable.Range(0, 100).Select(_ => counter.Next()).ToList();

        Assert.Equal(1, writes);
        Assert.Equal(writes, storage.Writes);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (uint)i), used);
    }

    [Fact]
    public void Counters_Reserved_For_A_Batch_Are_Never_Reused_After_A_Restart()
    {
        var storage = new GatewayQkd.TestSupport.InMemoryKeyStorage();
        var counter = new SendCounter(storage, "sc-s", 16);
        counter.Reserve(100);
        counter.Next();

        Assert.Equal(101u, new SendCounter(storage, "sc-s", 16).Next());
    }

    [Fact]
    public void Corrupt_Counter_File_Refuses_To_Load()
    {
        _fx.Storage.Write("sc-bad", [(byte)'S', (byte)'C', 1, 0], 0, 4);

        Assert.Throws<InvalidOperationException>(() => new SendCounter(_fx.Storage, "sc-bad", 16));
    }

    [Fact]
    public void Empty_Counter_File_Left_By_A_Cut_First_Reservation_Starts_At_One()
    {
        _fx.Storage.Write("sc-empty", [], 0, 0);

        Assert.Equal(1u, new SendCounter(_fx.Storage, "sc-empty", 16).Next());
    }

    [Fact]
    public void A_Flipped_Bit_In_The_Reservation_Is_Refused_Not_Trusted()
    {
        var storage = new GatewayQkd.TestSupport.InMemoryKeyStorage();
        new SendCounter(storage, "sc-f", 16).Next();
        var file = storage.Read("sc-f");
        file[6] ^= 0x01; // reservation 16 read as 17 without the check
        storage.SetRaw("sc-f", file);

        var error = Assert.Throws<InvalidOperationException>(() => new SendCounter(storage, "sc-f", 16));

        Assert.Contains("CRC-32 does not match", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Version_1_File_Written_Before_The_Check_Still_Resumes_Above_Its_Reservation()
    {
        var storage = new GatewayQkd.TestSupport.InMemoryKeyStorage();
        storage.SetRaw("sc-v1", [(byte)'S', (byte)'C', 1, 0, 0, 1, 0]);

        Assert.Equal(257u, new SendCounter(storage, "sc-v1", 16).Next());
    }

    [Fact]
    public void A_Cut_Between_The_Two_Copies_Resumes_Above_The_Newer_One_And_Brings_The_Mirror_Up()
    {
        var storage = new GatewayQkd.TestSupport.InMemoryKeyStorage();
        var counter = new SendCounter(storage, "sc-m", "sc-m.m", 16);
        counter.Next();
        var older = storage.Read("sc-m.m");
        for (var i = 0; i < 16; i++)
        {
            counter.Next(); // the 17th reserves counters 17 .. 32
        }

        storage.SetRaw("sc-m.m", older); // power failed after the primary's write, before the mirror's

        var resumed = new SendCounter(storage, "sc-m", "sc-m.m", 16);
        Assert.Equal(33u, resumed.Next());
        Assert.Equal(storage.Read("sc-m"), storage.Read("sc-m.m"));
    }

    [Fact]
    public void A_Lost_Primary_Resumes_From_The_Mirror()
    {
        var storage = new GatewayQkd.TestSupport.InMemoryKeyStorage();
        var counter = new SendCounter(storage, "sc-l", "sc-l.m", 16);
        for (var i = 0; i < 20; i++)
        {
            counter.Next();
        }

        storage.RemoveRaw("sc-l");

        Assert.Equal(33u, new SendCounter(storage, "sc-l", "sc-l.m", 16).Next());
        Assert.True(storage.Exists("sc-l"));
    }
}
