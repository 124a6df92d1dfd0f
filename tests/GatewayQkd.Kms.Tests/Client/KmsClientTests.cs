using GatewayQkd.Kms.Client;
using GatewayQkd.Kms.Etsi014;
using GatewayQkd.Kms.Tests.Server;

namespace GatewayQkd.Kms.Tests.Client;

[Collection(KmsCollection.Name)]
public sealed class KmsClientTests(TestCertificates certificates) : KmsHttpsTest(certificates)
{
    [Fact]
    public async Task Master_And_Slave_Clients_Obtain_The_Same_Keys()
    {
        using var master = new KmsClient(Kms.Server.Url, Certificates.Cs, Certificates.Ca);
        using var slave = new KmsClient(Kms.Server.Url, Certificates.Gn7, Certificates.Ca);

        var sent = await master.GetKeysAsync("gn-7", 2, 256);
        var received = await slave.GetKeysWithIdsAsync("cs", sent.Keys.Select(k => k.KeyId));

        Assert.Equal(sent.Keys.Select(k => k.Key), received.Keys.Select(k => k.Key));
        var (offset, length) = Wire.RangeOf(sent.Keys[0].KeyId);
        Assert.Equal(Kms.Material[offset..(offset + length)], Convert.FromBase64String(sent.Keys[0].Key));
    }

    [Fact]
    public async Task Status_Is_Read_Into_The_Typed_Response()
    {
        using var master = new KmsClient(Kms.Server.Url, Certificates.Cs, Certificates.Ca);

        var status = await master.GetStatusAsync("gn-7");

        Assert.Equal(("cs", "gn-7", KmsHarness.SeededBytes / 32L), (status.MasterSaeId, status.SlaveSaeId, status.StoredKeyCount));
    }

    [Fact]
    public async Task A_Refused_Request_Throws_With_The_Kmes_Status_And_Message()
    {
        using var master = new KmsClient(Kms.Server.Url, Certificates.Cs, Certificates.Ca);

        var error = await Assert.ThrowsAsync<Etsi014Exception>(() => master.GetKeysAsync("gn-7", 1, 100));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("requested parameters do not adhere to KMS rules", error.Message);
    }

    [Fact]
    public async Task A_Server_Certificate_From_Another_Ca_Is_Not_Trusted()
    {
        using var other = GatewayQkd.Kms.Certificates.KmsCertificateAuthority.Create("other");
        using var master = new KmsClient(Kms.Server.Url, Certificates.Cs, other.Certificate);

        await Assert.ThrowsAsync<HttpRequestException>(() => master.GetStatusAsync("gn-7"));
    }
}
