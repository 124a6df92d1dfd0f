using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Tests.Gateway;
using GatewayQkd.Core.Tests.Pool;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Memory;

/// <summary>
/// Key bytes do not linger in RAM: every array that held them (the pool's blocks, encoded block files, files read at
/// recovery) is overwritten once the bytes are consumed, replaced or zeroized. The arrays are inspected directly.
/// </summary>
public sealed class KeyBytesInRamTests
{
    private readonly Pool.KeyStreamModel _model = new();
    private readonly RecordingStorage _storage = new(new InMemoryKeyStorage());

    [Fact]
    public void Zeroize_Overwrites_Every_Array_That_Held_Key_Bytes()
    {
        var pool = FilledPool(3, 100);
        Assert.True(pool.Take(0, 30).IsTaken);
        var held = ArrayScan.Reachable(pool);
        Assert.NotEmpty(ArrayScan.Holding(held, _model.Bytes(0, 30, 270))); // the scan sees the held blocks

        pool.Zeroize();

        Assert.Empty(ArrayScan.Holding(held.Concat(ArrayScan.Reachable(pool)).Concat(_storage.Passed), _model.Bytes(0, 0, 300)));
    }

    [Fact]
    public void Take_Overwrites_The_Consumed_Bytes_Wherever_The_Pool_Held_Them()
    {
        var pool = FilledPool(2, 100);
        var before = ArrayScan.Reachable(pool);

        var taken = pool.Take(0, 150); // the whole first block and half of the second

        var everywhere = before.Concat(ArrayScan.Reachable(pool)).Concat(_storage.Passed).Where(a => !ReferenceEquals(a, taken.Material));
        Assert.Empty(ArrayScan.Holding(everywhere, _model.Bytes(0, 0, 150)));
        Assert.NotEmpty(ArrayScan.Holding(ArrayScan.Reachable(pool), _model.Bytes(0, 150, 50)));
    }

    [Fact]
    public void Ingest_Overwrites_The_Encoded_Block_File_After_Writing_It()
    {
        FilledPool(1, 100);

        Assert.NotEmpty(_storage.Passed);
        Assert.Empty(ArrayScan.Holding(_storage.Passed, _model.Bytes(0, 0, 100)));
        Assert.Equal(_model.Bytes(0, 0, 8), _storage.Inner.Read("kb0_0").AsSpan(23, 8).ToArray()); // storage kept its copy
    }

    [Fact]
    public void Recovery_Overwrites_The_Files_It_Read_And_The_Blocks_It_Drops()
    {
        var pool = FilledPool(2, 100);
        Assert.True(pool.Take(0, 130).IsTaken);
        _storage.Inner.Write("kb0_0", BlockFileBytes(0, 0, 100), 0, 127); // a consumed block whose delete "did not happen"
        _storage.Passed.Clear();

        var reopened = KeyPool.Open(_storage);

        Assert.Equal(70 * 8, reopened.AvailableBits(0));
        Assert.Empty(ArrayScan.Holding(_storage.Passed.Concat(ArrayScan.Reachable(reopened)), _model.Bytes(0, 0, 130)));
    }

    [Fact]
    public void A_Gateway_Keeps_No_Key_Byte_In_Ram_After_Zeroize()
    {
        var h = new GatewayHarness(storage: _storage);
        h.DeliverBlocks(4);
        h.Request(101, 1, 1, 128);
        h.Request(102, 2, 2, 256);
        h.EndSlot();
        Assert.Equal(2, h.AllKeys().Count());
        var held = ArrayScan.Reachable(h.Service);
        var stream = Gateway.KeyStreamModel.Bytes(0, 0, 4 * GatewayHarness.BlockBytes);
        Assert.NotEmpty(ArrayScan.Holding(held, stream));

        h.Service.Zeroize();

        Assert.Empty(ArrayScan.Holding(held.Concat(ArrayScan.Reachable(h.Service)).Concat(_storage.Passed), stream));
    }

    private KeyPool FilledPool(int blocks, int bytes)
    {
        var pool = KeyPool.Open(_storage);
        for (var i = 0; i < blocks; i++)
        {
            Assert.Equal(IngestResult.Accepted, pool.Ingest(_model.NextBlock(0, bytes)));
        }

        return pool;
    }

    // A block file as the pool writes it (docs/storage-layout.md "Block files"), built here independently.
    private byte[] BlockFileBytes(ushort peer, uint id, int length)
    {
        var file = new byte[27 + length];
        "QKPB"u8.CopyTo(file);
        file[4] = 1;
        BitConverter.TryWriteBytes(file.AsSpan(5), peer);
        BitConverter.TryWriteBytes(file.AsSpan(7), id);
        BitConverter.TryWriteBytes(file.AsSpan(11), id * (uint)length);
        BitConverter.TryWriteBytes(file.AsSpan(15), (uint)length);
        BitConverter.TryWriteBytes(file.AsSpan(19), id * (uint)length);
        _model.Bytes(peer, id * length, length).CopyTo(file, 23);
        BitConverter.TryWriteBytes(file.AsSpan(23 + length), Crc32.Compute(file, 0, 23 + length));
        return file;
    }
}
