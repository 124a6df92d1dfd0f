using GatewayQkd.Kms.Cluster;

namespace GatewayQkd.Kms.Tests.Cluster;

/// <summary>The storage port on the shared database, on SQLite and on PostgreSQL.</summary>
public sealed class DatabaseKeyStorageTests(EngineFixture engines) : IClassFixture<EngineFixture>
{
    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Written_File_Is_Read_Back_By_Another_Worker(string engine)
    {
        var database = engines.Create(engine);
        using var first = new DatabaseKeyStorage(database, "central");
        using var second = new DatabaseKeyStorage(database, "central");

        first.Write("sc-auth-7", [0, 1, 2, 3, 4, 5], 1, 4);

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, second.Read("sc-auth-7"));
        Assert.Equal(["sc-auth-7"], second.ListFiles());
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void Append_Adds_Bytes_After_The_Existing_Ones(string engine)
    {
        using var storage = new DatabaseKeyStorage(engines.Create(engine), "central");
        storage.Append("rg-auth-7", [1, 2], 0, 2);

        storage.Append("rg-auth-7", [0, 0, 255], 1, 2);

        Assert.Equal(new byte[] { 1, 2, 0, 255 }, storage.Read("rg-auth-7"));
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Deleted_Or_Missing_File_Does_Not_Exist_And_Reading_It_Throws(string engine)
    {
        using var storage = new DatabaseKeyStorage(engines.Create(engine), "central");
        storage.Write("a", [1], 0, 1);

        storage.Delete("a");

        Assert.False(storage.Exists("a"));
        Assert.Throws<IOException>(() => storage.Read("a"));
        Assert.Throws<IOException>(() => storage.Read("never"));
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void Scopes_Do_Not_See_Each_Others_Files(string engine)
    {
        var database = engines.Create(engine);
        using var central = new DatabaseKeyStorage(database, "central");
        using var other = new DatabaseKeyStorage(database, "other");

        central.Write("x", [9], 0, 1);

        Assert.False(other.Exists("x"));
        Assert.Empty(other.ListFiles());
    }

    [Theory]
    [MemberData(nameof(EngineFixture.Engines), MemberType = typeof(EngineFixture))]
    public void A_Slice_Past_The_End_Is_Refused_And_Writes_Nothing(string engine)
    {
        using var storage = new DatabaseKeyStorage(engines.Create(engine), "central");

        Assert.Throws<ArgumentOutOfRangeException>(() => storage.Write("x", [1, 2], 1, 2));

        Assert.False(storage.Exists("x"));
    }
}
