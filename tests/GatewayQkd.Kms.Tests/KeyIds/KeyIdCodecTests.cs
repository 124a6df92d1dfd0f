using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.KeyIds;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Kms.Tests.KeyIds;

public sealed class KeyIdCodecTests
{
    [Fact]
    public void Formats_The_Documented_Example()
    {
        // docs/kms.md: 32 bytes at offset 4096 (0x1000) of gateway 7's stream with the central server.
        var id = new GatewayKeyId(7, new KeyRange(0, 0x1000, 0x20));

        Assert.Equal("00001000-0007-814b-8000-000000000020", KeyIdCodec.Format(id));
    }

    [Fact]
    public void Marks_A_Key_Of_The_Etsi014_Reservation_In_Octet_9()
    {
        var id = new GatewayKeyId(7, new KeyRange(0, 0x1000, 0x20), KeyStreamUse.Etsi014);

        Assert.Equal("00001000-0007-814b-8001-000000000020", KeyIdCodec.Format(id));
        Assert.True(KeyIdCodec.TryParse("00001000-0007-814b-8001-000000000020", out var parsed, out _));
        Assert.Equal(id, parsed);
    }

    [Fact]
    public void Is_A_Version_8_Rfc_Variant_Uuid()
    {
        var uuid = KeyIdCodec.Encode(new GatewayKeyId(300, new KeyRange(12, 0xDEADBEEF, 256)));

        Assert.Equal(8, uuid.Version);
        Assert.Equal(0b10, uuid.Variant >> 2);
    }

    [Theory]
    [InlineData(7, 0, 0u, 1)]
    [InlineData(65535, 65534, 4294967040u, 256)]
    [InlineData(2, 1, 123456u, 2147483647)]
    public void Round_Trips_Key_Ranges(int gateway, int peer, uint offset, int length)
    {
        var id = new GatewayKeyId((ushort)gateway, new KeyRange((ushort)peer, offset, length));

        Assert.True(KeyIdCodec.TryParse(KeyIdCodec.Format(id), out var parsed, out var reason), reason);
        Assert.Equal(id, parsed);
    }

    [Fact]
    public void Both_Ends_Of_A_Gateway_Stream_Get_The_Same_Key_Id()
    {
        var fromThree = new GatewayKeyId(3, new KeyRange(5, 64, 16));
        var fromFive = new GatewayKeyId(5, new KeyRange(3, 64, 16));

        Assert.Equal(KeyIdCodec.Format(fromThree), KeyIdCodec.Format(fromFive));
        Assert.Equal("00000040-0005-814b-8000-000300000010", KeyIdCodec.Format(fromThree));
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("0000100000074814b8000000000000020")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("00001000-0007-814b-8002-000000000020")]
    [InlineData("00001000-0007-814b-8100-000000000020")]
    [InlineData("00001000-0007-814b-8000-000000000000")]
    [InlineData("00001000-0000-814b-8000-000700000020")]
    [InlineData("ffffffff-0007-814b-8000-000000000002")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_Strings_That_Are_Not_Key_Ids_In_The_Layout(string? keyId)
    {
        Assert.False(KeyIdCodec.TryParse(keyId, out var id, out var reason));
        Assert.Null(id);
        Assert.NotEmpty(reason);
    }
}
