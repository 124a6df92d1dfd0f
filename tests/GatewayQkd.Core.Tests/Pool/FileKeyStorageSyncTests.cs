using GatewayQkd.Adapters;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Pool;

/// <summary>
/// The host's file storage makes its directory changes durable: after the rename of a write and after an append that
/// created the file it syncs the folder (fsync of a file does not cover its directory entry); a delete only unlinks
/// and a rewrite only renames, and both become durable with the folder sync of the next file creation
/// (IKeyStorage.Delete and Rewrite).
/// </summary>
public sealed class FileKeyStorageSyncTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly List<string> _events = [];

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Write_Syncs_The_Folder_After_The_Rename()
    {
        var storage = Open();

        storage.Write("snap", [1, 2, 3], 0, 3);

        Assert.Equal(["sync: snap=010203, no temp file"], _events);
    }

    [Fact]
    public void Append_That_Creates_The_File_Syncs_The_Folder_And_A_Later_Append_Does_Not()
    {
        var storage = Open();

        storage.Append("blk", [7], 0, 1);
        storage.Append("blk", [8], 0, 1);

        Assert.Equal(["sync: blk=07, no temp file"], _events);
    }

    [Fact]
    public void Delete_Does_Not_Sync_The_Folder_And_The_Next_Write_Syncs_It_With_The_File_Gone()
    {
        var storage = new FileKeyStorage(_temp.Path, _ => { });
        storage.Write("old", [1], 0, 1);
        storage = Open();

        storage.Delete("old");
        Assert.Empty(_events);
        Assert.False(storage.Exists("old"));
        storage.Write("snap", [1, 2, 3], 0, 3);

        Assert.Equal(["sync: snap=010203, no temp file"], _events);
        Assert.False(storage.Exists("old"));
        Assert.Equal(2, storage.Fsyncs); // the write's file data and its folder; none for the delete
    }

    [Fact]
    public void An_Existing_Pool_Snapshot_Slot_Is_Overwritten_In_Place_With_One_Fsync_And_No_Folder_Sync()
    {
        var storage = Open();
        storage.Write("qkp.s0", [1, 2, 3], 0, 3); // created: copy, rename, folder sync

        storage.Write("qkp.s0", [4, 5], 0, 2);

        Assert.Equal(["sync: qkp.s0=010203, no temp file"], _events);
        Assert.Equal([4, 5], storage.Read("qkp.s0"));
        Assert.Equal(3, storage.Fsyncs);
    }

    [Fact]
    public void A_Snapshot_Slot_Write_With_A_Deletion_Pending_Stays_In_Place_Without_A_Folder_Sync()
    {
        var storage = Open();
        storage.Write("qkp.s0", [1], 0, 1);
        storage.Write("kb0_0", [2], 0, 1);
        storage.Delete("kb0_0");
        var fsyncs = storage.Fsyncs;

        storage.Write("qkp.s0", [3], 0, 1);

        Assert.Equal(2, _events.Count); // the two creations only: the deletion waits for the next file creation
        Assert.Equal(fsyncs + 1, storage.Fsyncs);
        Assert.Equal([3], storage.Read("qkp.s0"));
    }

    [Fact]
    public void Rewrite_Of_An_Existing_File_Renames_With_One_Fsync_And_No_Folder_Sync()
    {
        var storage = Open();
        storage.Write("kb0_0", [1, 2, 3], 0, 3);
        var fsyncs = storage.Fsyncs;

        storage.Rewrite("kb0_0", [2, 3], 0, 2);

        Assert.Equal(["sync: kb0_0=010203, no temp file"], _events);
        Assert.Equal(fsyncs + 1, storage.Fsyncs);
        Assert.Equal([2, 3], storage.Read("kb0_0"));
        Assert.Equal(["kb0_0"], storage.ListFiles()); // renamed over the target: no temp file left
    }

    [Fact]
    public void Rewrite_Of_A_Missing_File_Creates_It_As_A_Write_With_The_Folder_Synced()
    {
        var storage = Open();

        storage.Rewrite("kb0_0", [5], 0, 1);

        Assert.Equal(["sync: kb0_0=05, no temp file"], _events);
        Assert.Equal(2, storage.Fsyncs);
    }

    [Fact]
    public void The_Next_File_Creation_Syncs_The_Folder_With_The_Pending_Rewrite_And_Deletion_Done()
    {
        var storage = Open();
        storage.Write("kb0_0", [1, 2], 0, 2);
        storage.Write("kb0_1", [3], 0, 1);
        storage.Rewrite("kb0_0", [2], 0, 1);
        storage.Delete("kb0_1");

        storage.Write("kb0_2", [4], 0, 1);

        Assert.Equal(3, _events.Count);
        Assert.Equal("sync: kb0_0=02,kb0_2=04, no temp file", _events[^1]);
    }

    [Fact]
    public void Other_Files_Are_Never_Overwritten_In_Place()
    {
        var storage = Open();
        storage.Write("kb0_0", [1], 0, 1);

        storage.Write("kb0_0", [2], 0, 1);

        Assert.Equal(["sync: kb0_0=01, no temp file", "sync: kb0_0=02, no temp file"], _events);
    }

    [Fact]
    public void Real_Folder_Sync_Succeeds_On_A_Folder_And_Fails_Clearly_On_A_Missing_One()
    {
        DirectorySync.Flush(_temp.Path);

        if (!OperatingSystem.IsWindows())
        {
            var error = Assert.Throws<IOException>(() => DirectorySync.Flush(Path.Combine(_temp.Path, "missing")));
            Assert.Contains("Cannot open folder", error.Message, StringComparison.Ordinal);
        }
    }

    // Records, at each folder sync, the state of the file just changed: the rename or deletion must already be done.
    private FileKeyStorage Open() => new(_temp.Path, folder =>
    {
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        var temp = files.Any(f => f!.EndsWith(".tmp", StringComparison.Ordinal)) ? "temp file left" : "no temp file";
        var last = files.Where(f => !f!.EndsWith(".tmp", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var state = last.Count == 0 ? "old absent" : string.Join(",", last.Select(f => $"{f}={Convert.ToHexString(File.ReadAllBytes(Path.Combine(folder, f!))).ToLowerInvariant()}"));
        _events.Add($"sync: {state}, {temp}");
    });
}
