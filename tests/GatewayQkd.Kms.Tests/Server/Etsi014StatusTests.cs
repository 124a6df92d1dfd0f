namespace GatewayQkd.Kms.Tests.Server;

[Collection(KmsCollection.Name)]
public sealed class Etsi014StatusTests(TestCertificates certificates) : IAsyncLifetime
{
    private KmsHarness _kms = null!;

    public async Task InitializeAsync() => _kms = await KmsHarness.StartAsync(certificates);

    public async Task DisposeAsync() => await _kms.DisposeAsync();

    [Fact]
    public async Task Status_Carries_Every_Field_By_Its_Exact_Name()
    {
        var (status, body) = await Wire.Get(_kms.Cs, "api/v1/keys/gn-7/status");

        Assert.Equal(200, status);
        Assert.Equal(
            ["source_KME_ID", "target_KME_ID", "master_SAE_ID", "slave_SAE_ID", "key_size", "stored_key_count",
             "max_key_count", "max_key_per_request", "max_key_size", "min_key_size", "max_SAE_ID_count"],
            Wire.Names(body));
    }

    [Fact]
    public async Task Status_Names_The_Saes_Kmes_And_Policy()
    {
        var (_, body) = await Wire.Get(_kms.Cs, "api/v1/keys/gn-7/status");

        Assert.Equal("kme-cs", body.GetProperty("source_KME_ID").GetString());
        Assert.Equal("kme-gn-7", body.GetProperty("target_KME_ID").GetString());
        Assert.Equal("cs", body.GetProperty("master_SAE_ID").GetString());
        Assert.Equal("gn-7", body.GetProperty("slave_SAE_ID").GetString());
        Assert.Equal(256, body.GetProperty("key_size").GetInt32());
        Assert.Equal(128, body.GetProperty("min_key_size").GetInt32());
        Assert.Equal(2048, body.GetProperty("max_key_size").GetInt32());
        Assert.Equal(128, body.GetProperty("max_key_per_request").GetInt32());
        Assert.Equal(0, body.GetProperty("max_SAE_ID_count").GetInt32());
    }

    [Fact]
    public async Task Stored_Key_Count_Is_The_Acknowledged_Material_In_Default_Size_Keys()
    {
        var (_, before) = await Wire.Get(_kms.Cs, "api/v1/keys/gn-7/status");
        await Wire.Get(_kms.Cs, "api/v1/keys/gn-7/enc_keys?number=2&size=256");
        var (_, after) = await Wire.Get(_kms.Cs, "api/v1/keys/gn-7/status");

        Assert.Equal(KmsHarness.SeededBytes / 32, before.GetProperty("stored_key_count").GetInt64());
        Assert.Equal((KmsHarness.SeededBytes / 32) - 2, after.GetProperty("stored_key_count").GetInt64());
    }

    [Fact]
    public async Task Status_Toward_A_Slave_Without_Key_Reports_Zero()
    {
        var (status, body) = await Wire.Get(_kms.Cs, "api/v1/keys/gn-9/status");

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("stored_key_count").GetInt64());
    }

    [Fact]
    public async Task A_Gateway_Asking_Status_Of_The_Central_Server_Is_Master_Of_That_Request()
    {
        var (status, body) = await Wire.Get(_kms.Gn7, "api/v1/keys/cs/status");

        Assert.Equal(200, status);
        Assert.Equal("gn-7", body.GetProperty("master_SAE_ID").GetString());
        Assert.Equal(KmsHarness.SeededBytes / 32, body.GetProperty("stored_key_count").GetInt64());
    }
}
