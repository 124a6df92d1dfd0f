using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>
/// <see cref="CentralKeyStore.UseKeysIf"/>, the telemetry verifier's batch: one commit for the batch, a key is used only
/// when the caller approves its bytes, and a replay inside the batch or of an earlier batch is refused as one-by-one
/// calls would refuse it.
/// </summary>
public abstract class KeyUseBatchTests : IDisposable
{
    private readonly StoreFixture _fixture;
    private readonly byte[] _material;

    protected KeyUseBatchTests(EngineFixture? postgres)
    {
        _fixture = new StoreFixture(postgres);
        _material = _fixture.RandomBytes(64);
        Store.AppendBlock(7, 0, _material);
    }

    private CentralKeyStore Store => _fixture.Store;

    public void Dispose()
    {
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void A_Batch_Of_Approved_Keys_Is_Used_In_One_Commit()
    {
        var commits = Store.Commits;

        var refusals = Store.UseKeysIf([Key(0), Key(16), Key(32)], (_, _) => true);

        Assert.Equal([null, null, null], refusals);
        Assert.Equal(1, Store.Commits - commits);
        Assert.Equal(48, Store.GetCounts(7, 0).UsedBytes);
    }

    [Fact]
    public void Accept_Sees_Each_Keys_Own_Bytes()
    {
        var seen = new Dictionary<int, byte[]>();

        Store.UseKeysIf([Key(16), Key(0)], (i, key) => seen.TryAdd(i, key));

        Assert.Equal(_material[16..32], seen[0]);
        Assert.Equal(_material[..16], seen[1]);
    }

    [Fact]
    public void A_Declined_Key_Stays_Unused_And_Can_Be_Used_Later()
    {
        var refusals = Store.UseKeysIf([Key(0), Key(16)], (i, _) => i == 1);

        Assert.Equal([null, null], refusals);
        Assert.False(Store.IsUsed(7, new KeyRange(0, 0, 16)));
        Assert.True(Store.IsUsed(7, new KeyRange(0, 16, 16)));
        Assert.Equal(_material[..16], Store.ConsumeKey(7, new KeyRange(0, 0, 16)));
    }

    [Fact]
    public void A_Second_Use_In_The_Same_Batch_Is_A_Replay()
    {
        var approved = new List<int>();

        var refusals = Store.UseKeysIf([Key(0), Key(8), Key(0)], (i, _) =>
        {
            approved.Add(i);
            return true;
        });

        Assert.Equal([null, KeyStoreError.AlreadyUsed, KeyStoreError.AlreadyUsed], refusals);
        Assert.Equal([0], approved); // a refused key's bytes are never handed out
        Assert.Equal(16, Store.GetCounts(7, 0).UsedBytes);
    }

    [Fact]
    public void A_Key_Declined_Earlier_In_The_Batch_Can_Still_Be_Used_By_A_Later_Frame()
    {
        var refusals = Store.UseKeysIf([Key(0), Key(0)], (i, _) => i == 1); // a forgery first, then the genuine frame

        Assert.Equal([null, null], refusals);
        Assert.Equal(16, Store.GetCounts(7, 0).UsedBytes);
    }

    [Fact]
    public void Keys_Used_Before_And_Keys_Not_Generated_Are_Refused_And_Change_Nothing()
    {
        Store.MarkUsed(7, new KeyRange(0, 0, 16));
        var before = Store.GetAllCounts();

        var refusals = Store.UseKeysIf(
            [Key(0), new GatewayKeyId(7, new KeyRange(0, 60, 16)), new GatewayKeyId(9, new KeyRange(0, 0, 16))],
            (_, _) => throw new InvalidOperationException("no key may be handed out"));

        Assert.Equal([KeyStoreError.AlreadyUsed, KeyStoreError.NotGenerated, KeyStoreError.NotGenerated], refusals);
        Assert.Equal(before, Store.GetAllCounts());
    }

    [Fact]
    public void A_Throwing_Accept_Uses_No_Key_Of_The_Batch()
    {
        Assert.Throws<InvalidOperationException>(() => Store.UseKeysIf([Key(0), Key(16)], (i, _) =>
        {
            if (i == 1)
            {
                throw new InvalidOperationException("verifier failed");
            }

            return true;
        }));

        Assert.Equal(0, Store.GetCounts(7, 0).UsedBytes);
        Assert.False(Store.IsUsed(7, new KeyRange(0, 0, 16)));
    }

    private static GatewayKeyId Key(uint offset) => new(7, new KeyRange(0, offset, 16));
}

/// <summary><see cref="KeyUseBatchTests"/> on SQLite.</summary>
public sealed class KeyUseBatchOnSqliteTests() : KeyUseBatchTests(null);

/// <summary><see cref="KeyUseBatchTests"/> on PostgreSQL.</summary>
public sealed class KeyUseBatchOnPostgresTests(EngineFixture postgres) : KeyUseBatchTests(postgres), IClassFixture<EngineFixture>;
