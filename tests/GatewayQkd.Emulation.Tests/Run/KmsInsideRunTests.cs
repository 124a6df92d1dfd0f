using GatewayQkd.Core.Pool;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Run;
using GatewayQkd.Emulation.Tests.Support;
using GatewayQkd.Kms.Certificates;
using GatewayQkd.Kms.Client;
using GatewayQkd.Kms.KeyIds;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>The ETSI GS QKD 014 KMS that `emulate --kms-port` serves on the run's own central key store.</summary>
public sealed class KmsInsideRunTests
{
    [Fact]
    public async Task Serves_Status_And_Keys_Of_The_Run_Store_While_The_Run_Holds_It()
    {
        using var folder = new RunFolder();
        // Sensors ask rarely (mean 60 emulated s per sensor) while the links deliver 4096 bit/s: the acknowledged key can
        // not all be used up, so an unused range is certain to exist whatever the timing.
        var options = (folder.Options(seconds: 3) with { RequestMeanIntervalSeconds = 60.0, KmsPort = 0, KmsCertFolder = null }).Validated();
        await using var run = await folder.StartAsync(options);
        await run.RunAsync();
        Assert.NotNull(run.Kms);
        var certs = options.KmsCertificateFolder;
        using var cs = CertificateFolder.Load(certs, "cs");
        using var gn1 = CertificateFolder.Load(certs, "gn-1");
        using var ca = CertificateFolder.LoadCaCertificate(certs);
        using var master = new KmsClient(run.Kms.Url, cs, ca);
        using var slave = new KmsClient(run.Kms.Url, gn1, ca);

        var status = await master.GetStatusAsync("gn-1");
        var sent = Assert.Single((await master.GetKeysAsync("gn-1", 1, 256)).Keys);
        var received = Assert.Single((await slave.GetKeysWithIdsAsync("cs", [sent.KeyId])).Keys);

        Assert.True(status.StoredKeyCount > 0, $"stored_key_count {status.StoredKeyCount}");
        Assert.Equal(sent.KeyId, received.KeyId);
        Assert.Equal(sent.Key, received.Key);
        Assert.True(KeyIdCodec.TryParse(sent.KeyId, out var id, out _));
        Assert.True(run.Store.IsUsed(1, id!.Range)); // the same store instance: the delivery burnt the key for the run too
    }

    [Fact]
    public async Task Creates_Missing_Gateway_Certificates_And_Keeps_The_Existing_CA()
    {
        using var folder = new RunFolder();
        var certs = Path.Combine(folder.Path, "certs");
        CertificateKit.Create(certs, ["cs"], CertificateKit.LoopbackHosts);
        var caBefore = await File.ReadAllTextAsync(Path.Combine(certs, "ca.crt"));
        using var store = CentralKeyStore.Open(Path.Combine(folder.Path, "keys.sqlite"));

        await using (var kms = await EmulationKms.StartAsync(store, certs, 0, [1, 2]))
        {
            Assert.NotEmpty(kms.CreatedFiles);
        }

        Assert.Equal(caBefore, await File.ReadAllTextAsync(Path.Combine(certs, "ca.crt")));
        Assert.True(File.Exists(Path.Combine(certs, "gn-1.pfx")));
        Assert.True(File.Exists(Path.Combine(certs, "gn-2.pfx")));
    }

    [Fact]
    public async Task Writes_No_Certificates_When_The_Folder_Has_Them_All()
    {
        using var folder = new RunFolder();
        var certs = Path.Combine(folder.Path, "certs");
        CertificateKit.Create(certs, ["cs", "gn-1"], CertificateKit.LoopbackHosts);
        using var store = CentralKeyStore.Open(Path.Combine(folder.Path, "keys.sqlite"));

        await using var kms = await EmulationKms.StartAsync(store, certs, 0, [1]);

        Assert.Empty(kms.CreatedFiles);
    }

    [Fact]
    public void Rejects_A_Kms_Port_Out_Of_Range_Naming_It()
    {
        var problems = EmulationOptionsValidator.Validate(new EmulationOptions { KmsPort = 70000 });

        Assert.Contains(problems, p => p.StartsWith("kmsPort", StringComparison.Ordinal));
    }
}
