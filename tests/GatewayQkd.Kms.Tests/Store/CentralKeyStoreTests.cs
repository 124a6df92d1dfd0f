using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>The store's behaviour, the same on both engines (<see cref="CentralKeyStoreOnSqliteTests"/>, <see cref="CentralKeyStoreOnPostgresTests"/>).</summary>
public abstract class CentralKeyStoreTests(EngineFixture? postgres) : IDisposable
{
    private readonly StoreFixture _fixture = new(postgres);

    private CentralKeyStore Store => _fixture.Store;

    public void Dispose()
    {
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Appended_Blocks_Are_Numbered_And_Contiguous_Per_Stream()
    {
        var first = Store.AppendBlock(7, 0, _fixture.RandomBytes(100));
        var other = Store.AppendBlock(8, 0, _fixture.RandomBytes(50));
        var second = Store.AppendBlock(7, 0, _fixture.RandomBytes(30));

        Assert.Equal((0u, 0u), (first.BlockId, first.Offset));
        Assert.Equal((0u, 0u), (other.BlockId, other.Offset));
        Assert.Equal((1u, 100u), (second.BlockId, second.Offset));
        Assert.Equal(0, second.PeerId);
    }

    [Fact]
    public void GetKey_Returns_The_Appended_Bytes_Across_Block_Boundaries()
    {
        var a = _fixture.RandomBytes(40);
        var b = _fixture.RandomBytes(40);
        Store.AppendBlock(7, 0, a);
        Store.AppendBlock(7, 0, b);

        var key = Store.GetKey(7, new KeyRange(0, 30, 20));

        Assert.Equal(a.Skip(30).Concat(b.Take(10)).ToArray(), key);
    }

    [Fact]
    public void Gateway_To_Gateway_Stream_Is_The_Same_From_Either_End()
    {
        var material = _fixture.RandomBytes(64);
        Store.AppendBlock(3, 5, material);

        Assert.Equal(material[..16], Store.GetKey(5, new KeyRange(3, 0, 16)));
        Assert.Equal(1u, Store.AppendBlock(5, 3, _fixture.RandomBytes(8)).BlockId);
    }

    [Fact]
    public void Rejects_A_Stream_Of_A_Node_With_Itself()
    {
        var error = Assert.Throws<KeyStoreException>(() => Store.AppendBlock(4, 4, _fixture.RandomBytes(8)));
        Assert.Equal(KeyStoreError.InvalidStream, error.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CentralKeyStore.MaxBlockBytes + 1)]
    public void Rejects_Empty_Or_Oversized_Blocks(int length)
    {
        var error = Assert.Throws<KeyStoreException>(() => Store.AppendBlock(7, 0, new byte[length]));

        Assert.Equal(KeyStoreError.InvalidMaterial, error.Error);
        Assert.Equal(0, Store.GetCounts(7, 0).Blocks);
    }

    [Fact]
    public void Rejects_A_Key_Past_The_Generated_Material()
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(32));

        var error = Assert.Throws<KeyStoreException>(() => Store.GetKey(7, new KeyRange(0, 16, 17)));
        Assert.Equal(KeyStoreError.NotGenerated, error.Error);
    }

    [Fact]
    public void MarkUsed_Rejects_A_Second_Use_Of_The_Same_Range()
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(64));
        Store.MarkUsed(7, new KeyRange(0, 0, 16));

        var error = Assert.Throws<KeyStoreException>(() => Store.MarkUsed(7, new KeyRange(0, 0, 16)));
        Assert.Equal(KeyStoreError.AlreadyUsed, error.Error);
    }

    [Theory]
    [InlineData(15u, 2)]
    [InlineData(0u, 64)]
    [InlineData(8u, 4)]
    public void MarkUsed_Rejects_Any_Overlap_With_A_Used_Range(uint offset, int length)
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(64));
        Store.MarkUsed(7, new KeyRange(0, 0, 16));

        Assert.Throws<KeyStoreException>(() => Store.MarkUsed(7, new KeyRange(0, offset, length)));
        Assert.Equal(16, Store.GetCounts(7, 0).UsedBytes);
    }

    [Fact]
    public void Adjacent_Ranges_Can_Both_Be_Used()
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(64));
        Store.MarkUsed(7, new KeyRange(0, 16, 16));
        Store.MarkUsed(7, new KeyRange(0, 0, 16));
        Store.MarkUsed(7, new KeyRange(0, 32, 16));

        Assert.Equal(48, Store.GetCounts(7, 0).UsedBytes);
        Assert.False(Store.IsUsed(7, new KeyRange(0, 48, 16)));
    }

    [Fact]
    public void GetKey_Refuses_A_Used_Range()
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(64));
        Store.MarkUsed(7, new KeyRange(0, 0, 16));

        var error = Assert.Throws<KeyStoreException>(() => Store.GetKey(7, new KeyRange(0, 0, 16)));
        Assert.Equal(KeyStoreError.AlreadyUsed, error.Error);
    }

    [Fact]
    public void ConsumeKey_Returns_The_Bytes_Once()
    {
        var material = _fixture.RandomBytes(64);
        Store.AppendBlock(7, 0, material);

        Assert.Equal(material[16..48], Store.ConsumeKey(7, new KeyRange(0, 16, 32)));
        Assert.Throws<KeyStoreException>(() => Store.ConsumeKey(7, new KeyRange(0, 16, 32)));
    }

    [Fact]
    public void Used_Key_Bytes_Are_Erased_From_The_Database()
    {
        var material = _fixture.RandomBytes(64);
        Store.AppendBlock(7, 0, material);
        Store.MarkUsed(7, new KeyRange(0, 8, 16));
        Store.Dispose();

        var stored = StoreDatabase.ReadBlockMaterial(_fixture.Database, gateway: 7, peer: 0, blockId: 0);

        Assert.Equal(new byte[16], stored[8..24]);
        Assert.Equal(material[..8], stored[..8]);
        Assert.Equal(material[24..], stored[24..]);
        _fixture.Reopen();
    }

    [Fact]
    public void A_Used_Key_Spanning_Two_Blocks_Is_Read_Whole_And_Erased_From_Both()
    {
        var first = _fixture.RandomBytes(32);
        var second = _fixture.RandomBytes(32);
        Store.AppendBlock(7, 0, first);
        Store.AppendBlock(7, 0, second);

        Assert.Equal([.. first[24..], .. second[..8]], Store.ConsumeKey(7, new KeyRange(0, 24, 16)));
        Store.Dispose();

        var stored = (StoreDatabase.ReadBlockMaterial(_fixture.Database, gateway: 7, peer: 0, blockId: 0),
            StoreDatabase.ReadBlockMaterial(_fixture.Database, gateway: 7, peer: 0, blockId: 1));
        Assert.Equal([.. first[..24], .. new byte[8]], stored.Item1);
        Assert.Equal([.. new byte[8], .. second[8..]], stored.Item2);
        _fixture.Reopen();
    }

    [Fact]
    public void Acknowledgement_Of_An_Unknown_Block_Is_Refused()
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(8));

        var error = Assert.Throws<KeyStoreException>(() => Store.MarkAcknowledged(7, 0, 1));
        Assert.Equal(KeyStoreError.UnknownBlock, error.Error);
    }

    [Fact]
    public void Acknowledging_Twice_Counts_Once()
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(8));

        Assert.True(Store.MarkAcknowledged(7, 0, 0));
        Assert.False(Store.MarkAcknowledged(7, 0, 0));
        Assert.Equal((1, 8), (Store.GetCounts(7, 0).AcknowledgedBlocks, Store.GetCounts(7, 0).AcknowledgedBytes));
    }

    [Fact]
    public void Acknowledged_Prefix_Stops_At_The_First_Unacknowledged_Block()
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(40));
        Store.AppendBlock(7, 0, _fixture.RandomBytes(24));
        Store.AppendBlock(7, 0, _fixture.RandomBytes(16));

        Store.MarkAcknowledged(7, 0, 0);
        Store.MarkAcknowledged(7, 0, 2); // block 1 (bytes 40..63) still in flight
        var withGap = Store.GetCounts(7, 0);
        Store.MarkAcknowledged(7, 0, 1);
        var closed = Store.GetCounts(7, 0);

        Assert.Equal((56L, 40L), (withGap.AcknowledgedBytes, withGap.AcknowledgedPrefixBytes));
        Assert.Equal((80L, 80L), (closed.AcknowledgedBytes, closed.AcknowledgedPrefixBytes));
    }

    [Fact]
    public void Counts_Report_Generated_Acknowledged_Used_And_Stored_Bits()
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(100));
        Store.AppendBlock(7, 0, _fixture.RandomBytes(60));
        Store.MarkAcknowledged(7, 0, 0);
        Store.MarkUsed(7, new KeyRange(0, 90, 20));

        var counts = Store.GetCounts(7, 0);

        Assert.Equal(160 * 8, counts.GeneratedBits);
        Assert.Equal(100 * 8, counts.AcknowledgedBits);
        Assert.Equal(20 * 8, counts.UsedBits);
        Assert.Equal(140 * 8, counts.StoredBits);
        Assert.Equal(90 * 8, counts.AvailableBits);
    }

    [Fact]
    public void Available_Key_Counts_Only_The_Acknowledged_Prefix()
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(10));
        Store.AppendBlock(7, 0, _fixture.RandomBytes(20));
        Store.MarkAcknowledged(7, 0, 1);
        Assert.Equal(0, Store.GetCounts(7, 0).AvailableBytes);

        Store.MarkAcknowledged(7, 0, 0);
        Assert.Equal(30, Store.GetCounts(7, 0).AvailableBytes);
    }

    [Fact]
    public void Unacknowledged_Blocks_Are_Listed_For_Resending()
    {
        var second = _fixture.RandomBytes(12);
        Store.AppendBlock(7, 0, _fixture.RandomBytes(10));
        Store.AppendBlock(7, 0, second);
        Store.MarkAcknowledged(7, 0, 0);

        var pending = Assert.Single(Store.GetUnacknowledgedBlocks(7, 0));
        Assert.Equal((1u, 10u), (pending.BlockId, pending.Offset));
        Assert.Equal(second, pending.Material);
    }

    [Fact]
    public void A_Reopened_Store_Keeps_Blocks_Acknowledgements_And_Uses()
    {
        var material = _fixture.RandomBytes(64);
        Store.AppendBlock(7, 0, material);
        Store.MarkAcknowledged(7, 0, 0);
        Store.MarkUsed(7, new KeyRange(0, 0, 16));

        var reopened = _fixture.Reopen();

        Assert.Throws<KeyStoreException>(() => reopened.MarkUsed(7, new KeyRange(0, 0, 16)));
        Assert.Equal(material[16..32], reopened.GetKey(7, new KeyRange(0, 16, 16)));
        Assert.Equal(1, reopened.GetCounts(7, 0).AcknowledgedBlocks);
        Assert.Equal(1u, reopened.AppendBlock(7, 0, _fixture.RandomBytes(4)).BlockId);
    }

    [Fact]
    public void Concurrent_Uses_Of_One_Range_Succeed_Exactly_Once()
    {
        Store.AppendBlock(7, 0, _fixture.RandomBytes(256));
        var successes = 0;

        Parallel.For(0, 32, i =>
        {
            try
            {
                Store.MarkUsed(7, new KeyRange(0, (uint)(i % 4), 16));
                Interlocked.Increment(ref successes);
            }
            catch (KeyStoreException)
            {
            }
        });

        Assert.Equal(1, successes);
    }

    [Fact]
    public void Refuses_A_Database_With_Another_Schema_Version()
    {
        Store.Dispose();
        StoreDatabase.Execute(_fixture.Database, "UPDATE meta SET value = '99' WHERE name = 'schema_version';");

        var error = Assert.Throws<KeyStoreException>(() => CentralKeyStore.Open(_fixture.Database));

        Assert.Equal(KeyStoreError.InvalidFile, error.Error);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        StoreDatabase.Execute(_fixture.Database, "UPDATE meta SET value = '2' WHERE name = 'schema_version';");
        _fixture.Reopen();
    }

    [Fact]
    public void Committed_State_Is_On_Disk_Without_A_Clean_Close()
    {
        var material = _fixture.RandomBytes(64);
        Store.AppendBlock(7, 0, material);
        Store.MarkAcknowledged(7, 0, 0);
        Store.MarkUsed(7, new KeyRange(0, 0, 16));
        using var recovered = _fixture.OpenCrashCopy();

        Assert.True(recovered.IsUsed(7, new KeyRange(0, 0, 16)));
        Assert.Equal(material[16..], recovered.GetKey(7, new KeyRange(0, 16, 48)));
        Assert.Equal(1, recovered.GetCounts(7, 0).AcknowledgedBlocks);
    }
}

public sealed class CentralKeyStoreOnSqliteTests() : CentralKeyStoreTests(null);

public sealed class CentralKeyStoreOnPostgresTests(EngineFixture postgres) : CentralKeyStoreTests(postgres), IClassFixture<EngineFixture>;
