using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;

namespace GatewayQkd.Kms.Tests.Store;

public abstract class KeyDeliveryTests : IDisposable
{
    private const ushort Cs = 0;
    private const ushort Gateway = 7;
    private readonly StoreFixture _fixture;
    private readonly byte[] _material;

    protected KeyDeliveryTests(EngineFixture? postgres)
    {
        _fixture = new StoreFixture(postgres);
        _material = _fixture.RandomBytes(128);
        Store.ReserveForEtsi014(Gateway, Cs, _material);
    }

    private CentralKeyStore Store => _fixture.Store;

    public void Dispose()
    {
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Master_Keys_Come_From_The_Top_Of_The_Reservation()
    {
        var keys = Store.DeliverToMaster(Cs, Gateway, 32, 2);

        Assert.Equal(new uint[] { 96, 64 }, keys.Select(k => k.Range.Offset));
        Assert.Equal(_material[96..128], keys[0].Key);
        Assert.Equal(_material[64..96], keys[1].Key);
    }

    [Fact]
    public void Master_Keys_Skip_Ranges_Already_Delivered()
    {
        var first = Assert.Single(Store.DeliverToMaster(Cs, Gateway, 32, 1));

        var second = Assert.Single(Store.DeliverToMaster(Cs, Gateway, 16, 1));

        Assert.Equal(96u, first.Range.Offset);
        Assert.Equal(80u, second.Range.Offset);
    }

    [Fact]
    public void The_Sensors_Stream_Is_Never_Handed_To_A_Master()
    {
        Store.AppendBlock(Gateway, Cs, _fixture.RandomBytes(4096));
        Store.MarkAcknowledged(Gateway, Cs, 0);

        var keys = Store.DeliverToMaster(Cs, Gateway, 128, 1);

        Assert.Equal(KeyStreamUse.Etsi014, Assert.Single(keys).Stream.Use);
        Assert.Equal(KeyStoreError.InsufficientKey, ErrorOf(() => Store.DeliverToMaster(Cs, Gateway, 16, 1)));
        Assert.Equal(0, Store.GetCounts(Gateway, Cs).UsedBytes);
    }

    [Fact]
    public void Sensor_Keys_At_The_Same_Offsets_Leave_The_Reservation_Untouched()
    {
        Store.AppendBlock(Gateway, Cs, _fixture.RandomBytes(128));
        Store.MarkAcknowledged(Gateway, Cs, 0);
        Store.MarkUsed(Gateway, new KeyRange(Cs, 0, 128));

        var keys = Store.DeliverToMaster(Cs, Gateway, 32, 4);

        Assert.Equal(_material, keys.OrderBy(k => k.Range.Offset).SelectMany(k => k.Key).ToArray());
    }

    [Fact]
    public void Reserved_Key_Counts_As_Acknowledged_At_Once_And_Apart_From_The_Sensors_Stream()
    {
        var reserved = Store.GetCounts(Gateway, Cs, KeyStreamUse.Etsi014);

        Assert.Equal((1, 1, 128L, 128L), (reserved.Blocks, reserved.AcknowledgedBlocks, reserved.AcknowledgedBytes, reserved.AvailableBytes));
        Assert.Equal(0, Store.GetCounts(Gateway, Cs).GeneratedBytes);
        Assert.Empty(Store.GetUnacknowledgedBlocks(Gateway, Cs));
    }

    [Fact]
    public void A_Sensor_Key_Id_Is_Refused_By_DecKeys_Even_Where_The_Reservation_Was_Issued()
    {
        var sent = Assert.Single(Store.DeliverToMaster(Cs, Gateway, 32, 1));
        var sameRangeOnSensorsStream = new GatewayKeyId(Gateway, sent.Range);

        var error = Assert.Throws<KeyStoreException>(() => Store.DeliverToSlave(Gateway, Cs, [sameRangeOnSensorsStream]));

        Assert.Equal(KeyStoreError.NotIssued, error.Error);
        Assert.Equal(1, Store.GetPendingDeliveries(Gateway, Cs));
    }

    [Fact]
    public void Insufficient_Key_Fails_The_Whole_Request_And_Changes_Nothing()
    {
        var error = Assert.Throws<KeyStoreException>(() => Store.DeliverToMaster(Cs, Gateway, 48, 3));

        Assert.Equal(KeyStoreError.InsufficientKey, error.Error);
        Assert.Equal(0, Store.GetCounts(Gateway, Cs).UsedBytes);
        Assert.Equal(0, Store.GetPendingDeliveries(Cs, Gateway));
    }

    [Fact]
    public void Slave_Gets_The_Masters_Key_Once()
    {
        var sent = Store.DeliverToMaster(Cs, Gateway, 16, 1)[0];
        var id = sent.Id;

        var received = Assert.Single(Store.DeliverToSlave(Gateway, Cs, [id]));

        Assert.Equal(_material[(int)sent.Range.Offset..(int)sent.Range.End], received.Key);
        var again = Assert.Throws<KeyStoreException>(() => Store.DeliverToSlave(Gateway, Cs, [id]));
        Assert.Equal(KeyStoreError.AlreadyUsed, again.Error);
    }

    [Fact]
    public void Master_Cannot_Fetch_Its_Own_Key_Again_As_Slave()
    {
        var sent = Store.DeliverToMaster(Cs, Gateway, 16, 1)[0];

        Assert.Throws<KeyStoreException>(() => Store.DeliverToSlave(Cs, Gateway, [sent.Id]));
        Assert.Equal(1, Store.GetPendingDeliveries(Cs, Gateway));
    }

    [Fact]
    public void A_Range_Never_Issued_By_EncKeys_Is_Refused_And_Stays_Unused()
    {
        var madeUp = new GatewayKeyId(Gateway, new KeyRange(Cs, 8, 16), KeyStreamUse.Etsi014); // reserved, never issued

        var error = Assert.Throws<KeyStoreException>(() => Store.DeliverToSlave(Cs, Gateway, [madeUp]));

        Assert.Equal(KeyStoreError.NotIssued, error.Error);
        Assert.Equal(0, Store.GetCounts(Gateway, Cs, KeyStreamUse.Etsi014).UsedBytes);
    }

    [Fact]
    public void An_Issued_Key_Reaches_Its_Slave_Once_With_The_Masters_Bytes()
    {
        var sent = Assert.Single(Store.DeliverToMaster(Cs, Gateway, 16, 1));
        var id = sent.Id;

        var received = Assert.Single(Store.DeliverToSlave(Gateway, Cs, [id]));

        Assert.Equal(sent.Key, received.Key);
        Assert.Equal(KeyStoreError.AlreadyUsed, Assert.Throws<KeyStoreException>(() => Store.DeliverToSlave(Gateway, Cs, [id])).Error);
    }

    [Fact]
    public void A_Key_Cannot_Be_Fetched_As_Slave_By_Its_Own_Master_Or_With_Another_Length()
    {
        var sent = Assert.Single(Store.DeliverToMaster(Gateway, Cs, 32, 1)); // gateway is the master, cs the slave
        var asMaster = sent.Id;
        var shorter = new GatewayKeyId(Gateway, new KeyRange(sent.Range.PeerId, sent.Range.Offset, 16), KeyStreamUse.Etsi014);

        Assert.Equal(KeyStoreError.NotIssued, Assert.Throws<KeyStoreException>(() => Store.DeliverToSlave(Gateway, Cs, [asMaster])).Error);
        Assert.Equal(KeyStoreError.NotIssued, Assert.Throws<KeyStoreException>(() => Store.DeliverToSlave(Cs, Gateway, [shorter])).Error);
        Assert.Equal(sent.Key, Assert.Single(Store.DeliverToSlave(Cs, Gateway, [asMaster])).Key);
    }

    [Fact]
    public void A_Key_Of_Another_Stream_Is_Not_Authorized()
    {
        Store.AppendBlock(8, Cs, _fixture.RandomBytes(32));
        var other = new GatewayKeyId(8, new KeyRange(Cs, 0, 16));

        var error = Assert.Throws<KeyStoreException>(() => Store.DeliverToSlave(Cs, Gateway, [other]));

        Assert.Equal(KeyStoreError.NotAuthorized, error.Error);
        Assert.False(Store.IsUsed(8, other.Range));
    }

    [Fact]
    public void A_Bad_Id_Among_Good_Ones_Delivers_Nothing()
    {
        var sent = Assert.Single(Store.DeliverToMaster(Cs, Gateway, 16, 1));
        var good = sent.Id;
        var notGenerated = new GatewayKeyId(Gateway, new KeyRange(Cs, 120, 16), KeyStreamUse.Etsi014);

        Assert.Throws<KeyStoreException>(() => Store.DeliverToSlave(Gateway, Cs, [good, notGenerated]));

        Assert.Equal(1, Store.GetPendingDeliveries(Gateway, Cs));
        Assert.Equal(sent.Key, Store.DeliverToSlave(Gateway, Cs, [good])[0].Key);
    }

    [Fact]
    public void Pending_Deliveries_Survive_A_Restart()
    {
        var sent = Store.DeliverToMaster(Cs, Gateway, 16, 2);

        var reopened = _fixture.Reopen();

        Assert.Equal(2, reopened.GetPendingDeliveries(Gateway, Cs));
        var received = reopened.DeliverToSlave(Gateway, Cs, sent.Select(k => k.Id).ToList());
        Assert.Equal(sent.Select(k => Convert.ToHexString(k.Key)), received.Select(k => Convert.ToHexString(k.Key)));
        Assert.DoesNotContain(reopened.DeliverToMaster(Cs, Gateway, 16, 6), k => sent.Any(s => s.Range.Overlaps(k.Range)));
    }

    private static KeyStoreError ErrorOf(Func<object> call) => Assert.Throws<KeyStoreException>(call).Error;
}

public sealed class KeyDeliveryOnSqliteTests() : KeyDeliveryTests(null);

public sealed class KeyDeliveryOnPostgresTests(EngineFixture postgres) : KeyDeliveryTests(postgres), IClassFixture<EngineFixture>;
