using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;

namespace GatewayQkd.Kms.Tests.Server;

public abstract class Etsi014KeyDeliveryTests(TestCertificates certificates, EngineFixture? postgres) : KmsHttpsTest(certificates, postgres)
{
    [Fact]
    public async Task EncKeys_Get_Returns_Number_Keys_Of_Size_Bits()
    {
        var (status, body) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=3&size=512");

        Assert.Equal(200, status);
        Assert.Equal(["keys"], Wire.Names(body));
        var keys = body.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(3, keys.Count);
        Assert.All(keys, key => Assert.Equal(["key_ID", "key"], Wire.Names(key)));
        Assert.All(keys, key => Assert.Equal(64, Wire.KeyBytes(key).Length));
        Assert.Equal(3, keys.Select(k => k.GetProperty("key_ID").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task EncKeys_Hands_Out_The_Stream_Bytes_Its_Key_Id_Names()
    {
        var (_, body) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=2&size=128");

        foreach (var key in body.GetProperty("keys").EnumerateArray())
        {
            var (offset, length) = Wire.RangeOf(key.GetProperty("key_ID").GetString()!);
            Assert.Equal(Kms.Material[offset..(offset + length)], Wire.KeyBytes(key));
        }
    }

    [Fact]
    public async Task EncKeys_Post_Without_Parameters_Gives_One_Key_Of_The_Default_Size()
    {
        var (status, body) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/enc_keys", "{}");

        Assert.Equal(200, status);
        Assert.Equal(256 / 8, Wire.KeyBytes(Assert.Single(body.GetProperty("keys").EnumerateArray())).Length);
    }

    [Fact]
    public async Task EncKeys_Post_Honours_Number_And_Size()
    {
        var (status, body) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/enc_keys", """{"number": 4, "size": 136}""");

        Assert.Equal(200, status);
        var keys = body.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(4, keys.Count);
        Assert.All(keys, key => Assert.Equal(17, Wire.KeyBytes(key).Length));
    }

    [Fact]
    public async Task DecKeys_Post_Gives_The_Slave_The_Masters_Key()
    {
        var (_, sent) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys");
        var key = sent.GetProperty("keys")[0];
        var keyId = key.GetProperty("key_ID").GetString();

        var (status, body) = await Wire.Post(Kms.Gn7, "api/v1/keys/cs/dec_keys", $$"""{"key_IDs": [{"key_ID": "{{keyId}}"}]}""");

        Assert.Equal(200, status);
        var received = Assert.Single(body.GetProperty("keys").EnumerateArray());
        Assert.Equal(keyId, received.GetProperty("key_ID").GetString());
        Assert.Equal(Wire.KeyBytes(key), Wire.KeyBytes(received));
    }

    [Fact]
    public async Task DecKeys_Get_With_Key_ID_Gives_The_Slave_The_Masters_Key()
    {
        var (_, sent) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys");
        var key = sent.GetProperty("keys")[0];

        var (status, body) = await Wire.Get(Kms.Gn7, $"api/v1/keys/cs/dec_keys?key_ID={key.GetProperty("key_ID").GetString()}");

        Assert.Equal(200, status);
        Assert.Equal(Wire.KeyBytes(key), Wire.KeyBytes(body.GetProperty("keys")[0]));
    }

    [Fact]
    public async Task A_Second_DecKeys_For_The_Same_Key_Fails()
    {
        var (_, sent) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys");
        var path = $"api/v1/keys/cs/dec_keys?key_ID={sent.GetProperty("keys")[0].GetProperty("key_ID").GetString()}";
        await Wire.Get(Kms.Gn7, path);

        var (status, body) = await Wire.Get(Kms.Gn7, path);

        Assert.Equal(400, status);
        Assert.Equal("key access error", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_Master_Cannot_Fetch_Its_Own_Key_Through_DecKeys()
    {
        var (_, sent) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys");

        var (status, _) = await Wire.Get(Kms.Cs,
            $"api/v1/keys/gn-7/dec_keys?key_ID={sent.GetProperty("keys")[0].GetProperty("key_ID").GetString()}");

        Assert.Equal(400, status);
    }

    [Theory]
    [InlineData("00000040-0007-814b-8001-000000000010")] // 16 bytes at 0x40 of gateway 7's reservation: reserved, never issued
    [InlineData("00000040-0007-814b-8000-000000000010")] // the same range of the sensors' stream (a key a gateway may issue)
    public async Task A_Made_Up_Key_Id_Is_Refused_And_Burns_Nothing(string keyId)
    {
        var (status, body) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/dec_keys?key_ID=" + keyId);

        Assert.Equal(400, status);
        Assert.Equal("key access error", body.GetProperty("message").GetString());
        Assert.Equal(0, Kms.Store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes);
    }

    [Fact]
    public async Task DecKeys_Returns_Several_Keys_In_Request_Order()
    {
        var (_, sent) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=2&size=128");
        var keys = sent.GetProperty("keys");
        var first = keys[1].GetProperty("key_ID").GetString();
        var second = keys[0].GetProperty("key_ID").GetString();

        var (status, body) = await Wire.Post(Kms.Gn7, "api/v1/keys/cs/dec_keys",
            $$"""{"key_IDs": [{"key_ID": "{{first}}"}, {"key_ID": "{{second}}"}]}""");

        Assert.Equal(200, status);
        Assert.Equal([first, second], body.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("key_ID").GetString()));
        Assert.Equal(Wire.KeyBytes(keys[1]), Wire.KeyBytes(body.GetProperty("keys")[0]));
    }
}

[Collection(KmsCollection.Name)]
public sealed class Etsi014KeyDeliveryOnSqliteTests(TestCertificates certificates) : Etsi014KeyDeliveryTests(certificates, null);

[Collection(KmsCollection.Name)]
public sealed class Etsi014KeyDeliveryOnPostgresTests(TestCertificates certificates, EngineFixture postgres)
    : Etsi014KeyDeliveryTests(certificates, postgres), IClassFixture<EngineFixture>;
