using System.Text.Json;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Kms.Tests.Server;

[Collection(KmsCollection.Name)]
public sealed class Etsi014ErrorTests(TestCertificates certificates) : KmsHttpsTest(certificates)
{
    private const string RulesMessage = "requested parameters do not adhere to KMS rules";
    [Theory]
    [InlineData(100)]
    [InlineData(120)]
    [InlineData(2056)]
    [InlineData(-8)]
    public async Task Rejects_A_Size_That_Is_Not_A_Multiple_Of_8_Within_Min_And_Max(int size)
    {
        var (status, body) = await Wire.Get(Kms.Cs, $"api/v1/keys/gn-7/enc_keys?size={size}");

        AssertError(400, RulesMessage, "size_unsupported", status, body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(129)]
    public async Task Rejects_A_Number_Outside_One_To_Max_Key_Per_Request(int number)
    {
        var (status, body) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/enc_keys", $$"""{"number": {{number}}}""");

        AssertError(400, RulesMessage, "number_unsupported", status, body);
    }

    [Fact]
    public async Task Rejects_A_Query_Number_That_Is_Not_An_Integer()
    {
        var (status, body) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=two");

        AssertError(400, RulesMessage, "number_unsupported", status, body);
    }

    [Fact]
    public async Task Reports_503_When_The_Stream_Holds_Too_Little_Key()
    {
        var (status, body) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=5&size=2048");

        AssertError(503, "insufficient amount of key material", "insufficient_key", status, body);
        Assert.Equal(KmsHarness.SeededBytes, Kms.Store.GetCounts(7, 0, KeyStreamUse.Etsi014).AvailableBytes);
    }

    [Fact]
    public async Task Reports_503_And_Hands_Out_Nothing_When_The_Store_Cannot_Commit()
    {
        Kms.Store.BeforeCommit = _ => throw new Microsoft.Data.Sqlite.SqliteException("disk I/O error", 10);

        var (status, body) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=2");
        Kms.Store.BeforeCommit = null;

        AssertError(503, "key store unavailable", "key_store", status, body);
        Assert.Equal(0, Kms.Store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes);
        Assert.Equal(200, (await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=2")).Status);
    }

    [Fact]
    public async Task Rejects_A_Caller_Without_A_Client_Certificate_With_401()
    {
        var (status, body) = await Wire.Get(Kms.Client(null), "api/v1/keys/gn-7/enc_keys");

        AssertError(401, "unauthorized", "client_certificate", status, body);
        Assert.Equal(0, Kms.Store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes);
    }

    [Fact]
    public async Task Rejects_A_Client_Certificate_From_Another_Ca_With_401()
    {
        var (status, body) = await Wire.Get(Kms.Client(Certificates.ForeignCs), "api/v1/keys/gn-7/status");

        AssertError(401, "unauthorized", "client_certificate", status, body);
    }

    [Fact]
    public async Task Authentication_Is_Checked_Before_The_Body()
    {
        var (status, _) = await Wire.Post(Kms.Client(null), "api/v1/keys/gn-7/enc_keys", "{not json");

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Rejects_A_Key_Of_Another_Stream_With_401()
    {
        var (status, body) = await Wire.Get(Kms.Gn8,
            "api/v1/keys/cs/dec_keys?key_ID=00000000-0007-814b-8000-000000000010");

        AssertError(401, "unauthorized", "key_ID", status, body);
        Assert.Equal(0, Kms.Store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes);
    }

    [Theory]
    [InlineData("""{"Number": 1}""")]
    [InlineData("""{"number": 1, "sizes": 256}""")]
    [InlineData("""{"number": "1"}""")]
    [InlineData("""{"number": 1""")]
    [InlineData("null")]
    public async Task Rejects_A_Key_Request_Body_With_Wrong_Field_Names_Or_Syntax(string json)
    {
        var (status, body) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/enc_keys", json);

        AssertError(400, "bad request", "body", status, body);
        Assert.Equal(0, Kms.Store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes);
    }

    [Theory]
    [InlineData("""{"number": 1, "number": 2}""")]
    [InlineData("""{"number": 1, "size": 256, "size": 128}""")]
    public async Task Rejects_A_Key_Request_Body_That_Repeats_A_Field(string json)
    {
        var (status, body) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/enc_keys", json);

        AssertError(400, "bad request", "body", status, body);
        Assert.Equal(0, Kms.Store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes);
    }

    [Fact]
    public async Task Rejects_A_Key_Ids_Body_That_Repeats_A_Field()
    {
        var (status, body) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/dec_keys",
            """{"key_IDs": [{"key_ID": "not-a-uuid", "key_ID": "00000000-0007-814b-8000-000000000010"}]}""");

        AssertError(400, "bad request", "body", status, body);
        Assert.Equal(0, Kms.Store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes);
    }

    [Theory]
    [InlineData("""{"key_ids": [{"key_ID": "00000000-0007-814b-8000-000000000010"}]}""")]
    [InlineData("""{"key_IDs": [{"key_id": "00000000-0007-814b-8000-000000000010"}]}""")]
    public async Task Rejects_A_Key_Ids_Body_With_Mis_Cased_Field_Names(string json)
    {
        var (status, _) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/dec_keys", json);

        Assert.Equal(400, status);
        Assert.Equal(0, Kms.Store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("00100000-0007-814b-8000-000000000010")]
    public async Task Rejects_Key_Ids_That_Cannot_Be_Delivered(string keyId)
    {
        var (status, body) = await Wire.Get(Kms.Cs, $"api/v1/keys/gn-7/dec_keys?key_ID={keyId}");

        AssertError(400, "key access error", "key_ID", status, body);
    }

    [Fact]
    public async Task DecKeys_Without_Key_Ids_Is_Rejected()
    {
        var (status, _) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/dec_keys");

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task A_Bad_Key_Id_Among_Good_Ones_Delivers_Nothing()
    {
        var (status, _) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/dec_keys",
            """{"key_IDs": [{"key_ID": "00000000-0007-814b-8000-000000000010"}, {"key_ID": "bad"}]}""");

        Assert.Equal(400, status);
        Assert.Equal(0, Kms.Store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes);
    }

    [Theory]
    [InlineData("GN-7")]
    [InlineData("gn-0")]
    [InlineData("cs")]
    public async Task Rejects_A_Path_Sae_That_Is_Unknown_Or_The_Caller_Itself(string sae)
    {
        var (status, body) = await Wire.Get(Kms.Cs, $"api/v1/keys/{sae}/status");

        AssertError(400, RulesMessage, "slave_SAE_ID", status, body);
    }

    [Fact]
    public async Task Rejects_Additional_Slave_Sae_Ids()
    {
        var (status, body) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/enc_keys",
            """{"number": 1, "additional_slave_SAE_IDs": ["gn-8"]}""");

        AssertError(400, RulesMessage, "additional_slave_SAE_IDs_unsupported", status, body);
    }

    [Fact]
    public async Task Rejects_Mandatory_Extensions_But_Ignores_Optional_Ones()
    {
        var (mandatory, _) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/enc_keys",
            """{"extension_mandatory": [{"abc_route_type": "direct"}]}""");
        var (optional, _) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/enc_keys",
            """{"extension_optional": [{"abc_max_age": 30000}]}""");

        Assert.Equal(400, mandatory);
        Assert.Equal(200, optional);
    }

    private static void AssertError(int expectedStatus, string message, string detail, int status, JsonElement body)
    {
        Assert.Equal(expectedStatus, status);
        Assert.Equal(["message", "details"], Wire.Names(body));
        Assert.Equal(message, body.GetProperty("message").GetString());
        Assert.Contains(body.GetProperty("details").EnumerateArray(), d => d.TryGetProperty(detail, out _));
    }
}
