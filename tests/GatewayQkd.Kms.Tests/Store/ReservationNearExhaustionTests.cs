using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Etsi014;
using GatewayQkd.Kms.KeyIds;
using GatewayQkd.Kms.Server;
using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>
/// Issue 15: ETSI 014 and a gateway's sensor issuing draw on the same QKD link, and must never hand out the same bytes,
/// least of all near exhaustion, where the old top-down enc_keys met the gateway's bottom-up issuing. The test keeps its
/// own ledger of the link's key output: which link bytes went into which block of which stream, and which link bytes
/// each side has handed out, independent of the store's bookkeeping.
/// </summary>
public abstract class ReservationNearExhaustionTests : IDisposable
{
    private const ushort Cs = 0;
    private const ushort Gateway = 7;
    private const int BlockBytes = 256;
    private const int KeyBytes = 32;
    private readonly StoreFixture _fixture;
    private readonly KeyPool _pool = KeyPool.Open(new InMemoryKeyStorage());
    private readonly byte[] _link;

    // (use, stream offset of a block) -> position of its first byte in the link output.
    private readonly Dictionary<(KeyStreamUse Use, long Offset), int> _ledger = [];
    private readonly bool[] _handedOut;

    protected ReservationNearExhaustionTests(EngineFixture? postgres)
    {
        _fixture = new StoreFixture(postgres);
        // The link's key output: 8 blocks; the central server sets blocks 2 and 5 aside for ETSI 014, pushes the rest.
        _link = _fixture.RandomBytes(8 * BlockBytes);
        _handedOut = new bool[_link.Length];
        long sensorsEnd = 0;
        long reservedEnd = 0;
        for (var b = 0; b < 8; b++)
        {
            var material = _link[(b * BlockBytes)..((b + 1) * BlockBytes)];
            if (b is 2 or 5)
            {
                Store.ReserveForEtsi014(Gateway, Cs, material);
                _ledger[(KeyStreamUse.Etsi014, reservedEnd)] = b * BlockBytes;
                reservedEnd += BlockBytes;
            }
            else
            {
                var block = Store.AppendBlock(Gateway, Cs, material);
                Assert.Equal(IngestResult.Accepted, _pool.Ingest(block));
                Store.MarkAcknowledged(Gateway, Cs, block.BlockId);
                _ledger[(KeyStreamUse.Sensors, sensorsEnd)] = b * BlockBytes;
                sensorsEnd += BlockBytes;
            }
        }
    }

    private CentralKeyStore Store => _fixture.Store;

    public void Dispose()
    {
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task EncKeys_And_Sensor_Issuing_Exhaust_The_Link_Without_Handing_Out_A_Byte_Twice()
    {
        var service = new Etsi014Service(Store, new KmsPolicy());
        var sensorKeys = 0;
        var etsiKeys = 0;
        bool sensorsDry = false, etsiDry = false;
        while (!sensorsDry || !etsiDry)
        {
            // The gateway issues a sensor key from the bottom of its pool; the CS reads the same key to decrypt telemetry.
            var taken = _pool.Take(Cs, KeyBytes);
            if (taken.IsTaken)
            {
                Record(KeyStreamUse.Sensors, taken.Range, taken.Material);
                Assert.Equal(taken.Material, Store.ConsumeKey(Gateway, taken.Range));
                sensorKeys++;
            }
            else
            {
                Assert.Equal(TakeStatus.InsufficientKey, taken.Status);
                sensorsDry = true;
            }

            // cs (master) gets a key for gn-7 (slave), which fetches it by its key_ID.
            try
            {
                var sent = Assert.Single((await service.EncKeysAsync(Cs, "gn-7", new KeyRequest { Number = 1, Size = KeyBytes * 8 })).Keys);
                var received = Assert.Single((await service.DecKeysAsync(Gateway, "cs", [sent.KeyId])).Keys);
                Assert.Equal(sent.Key, received.Key);
                Assert.True(KeyIdCodec.TryParse(sent.KeyId, out var id, out _));
                Record(id!.Use, id.Range, Convert.FromBase64String(sent.Key));
                etsiKeys++;
            }
            catch (Etsi014Exception e) when (e.StatusCode == 503)
            {
                etsiDry = true;
            }
        }

        Assert.Equal((6 * BlockBytes / KeyBytes, 2 * BlockBytes / KeyBytes), (sensorKeys, etsiKeys));
        Assert.All(_handedOut, Assert.True); // every link byte went out exactly once: both sides ran dry
    }

    [Fact]
    public async Task A_Sensor_Key_Id_Cannot_Be_Fetched_Through_DecKeys()
    {
        var service = new Etsi014Service(Store, new KmsPolicy());
        var taken = _pool.Take(Cs, KeyBytes);
        var sensorKeyId = KeyIdCodec.Format(new GatewayKeyId(Gateway, taken.Range));

        var refused = await Assert.ThrowsAsync<Etsi014Exception>(() => service.DecKeysAsync(Gateway, "cs", [sensorKeyId]));

        Assert.Equal(400, refused.StatusCode);
        Assert.Equal(taken.Material, Store.ConsumeKey(Gateway, taken.Range)); // still there for the CS's telemetry check
    }

    // Maps a handed-out key to link positions through the ledger, checks its bytes, and marks them handed out.
    private void Record(KeyStreamUse use, KeyRange range, byte[] key)
    {
        var blockOffset = range.Offset / BlockBytes * BlockBytes;
        Assert.True(range.Offset + (uint)range.Length <= blockOffset + BlockBytes, "test keys never straddle blocks");
        var linkStart = _ledger[(use, blockOffset)] + (int)(range.Offset - blockOffset);
        Assert.Equal(_link[linkStart..(linkStart + range.Length)], key);
        for (var i = linkStart; i < linkStart + range.Length; i++)
        {
            Assert.False(_handedOut[i], $"link byte {i} handed out twice ({use} key {range})");
            _handedOut[i] = true;
        }
    }
}

public sealed class ReservationNearExhaustionOnSqliteTests() : ReservationNearExhaustionTests(null);

public sealed class ReservationNearExhaustionOnPostgresTests(EngineFixture postgres) : ReservationNearExhaustionTests(postgres), IClassFixture<EngineFixture>;
