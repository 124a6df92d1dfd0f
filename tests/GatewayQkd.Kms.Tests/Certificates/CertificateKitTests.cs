using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Kms.Certificates;

namespace GatewayQkd.Kms.Tests.Certificates;

public sealed class CertificateKitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Writes_Pem_And_Pfx_Files_For_Ca_Server_And_Each_Sae()
    {
        CertificateKit.Create(_folder.Path, ["cs", "gn-3"], CertificateKit.LoopbackHosts);

        foreach (var name in new[] { "ca", "server", "cs", "gn-3" })
        {
            foreach (var extension in new[] { ".crt", ".key", ".pfx" })
            {
                Assert.True(File.Exists(_folder.File(name + extension)), name + extension);
            }
        }

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(_folder.File("cs.crt")), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(_folder.File("cs.key")), StringComparison.Ordinal);
    }

    [Fact]
    public void Sae_Certificates_Name_The_Sae_And_Chain_To_The_Ca_For_Client_Auth()
    {
        CertificateKit.Create(_folder.Path, ["gn-3"], CertificateKit.LoopbackHosts);
        using var ca = CertificateFolder.LoadCaCertificate(_folder.Path);
        using var sae = CertificateFolder.Load(_folder.Path, "gn-3");

        Assert.Equal("CN=gn-3", sae.Subject);
        Assert.True(sae.HasPrivateKey);
        Assert.True(CertificateTrust.IsIssuedBy(sae, ca, CertificateTrust.ClientAuth, out var problem), problem);
        Assert.False(CertificateTrust.IsIssuedBy(sae, ca, CertificateTrust.ServerAuth, out _));
    }

    [Fact]
    public void Server_Certificate_Names_The_Loopback_Hosts()
    {
        CertificateKit.Create(_folder.Path, [], CertificateKit.LoopbackHosts);
        using var server = CertificateFolder.Load(_folder.Path, "server");

        var names = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.Contains(System.Net.IPAddress.Loopback, names.EnumerateIPAddresses());
    }

    [Fact]
    public void A_Second_Run_Keeps_The_Ca_So_Earlier_Certificates_Stay_Valid()
    {
        CertificateKit.Create(_folder.Path, ["cs"], CertificateKit.LoopbackHosts);
        var firstCa = File.ReadAllText(_folder.File("ca.crt"));

        CertificateKit.Create(_folder.Path, ["gn-9"], CertificateKit.LoopbackHosts);
        using var ca = CertificateFolder.LoadCaCertificate(_folder.Path);
        using var cs = CertificateFolder.Load(_folder.Path, "cs");

        Assert.Equal(firstCa, File.ReadAllText(_folder.File("ca.crt")));
        Assert.True(CertificateTrust.IsIssuedBy(cs, ca, CertificateTrust.ClientAuth, out _));
    }

    [Fact]
    public void Refuses_A_Name_That_Is_Not_An_Sae_Id()
    {
        Assert.Throws<ArgumentException>(() => CertificateKit.Create(_folder.Path, ["cs", "sensor-1"], CertificateKit.LoopbackHosts));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void A_Certificate_From_Another_Ca_Does_Not_Chain()
    {
        using var other = KmsCertificateAuthority.Create("other");
        using var foreign = other.IssueSae("cs");
        CertificateKit.Create(_folder.Path, [], CertificateKit.LoopbackHosts);
        using var ca = CertificateFolder.LoadCaCertificate(_folder.Path);

        Assert.False(CertificateTrust.IsIssuedBy(foreign, ca, CertificateTrust.ClientAuth, out var problem));
        Assert.NotEmpty(problem);
    }
}
