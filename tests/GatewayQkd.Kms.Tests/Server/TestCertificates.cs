using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Kms.Certificates;

namespace GatewayQkd.Kms.Tests.Server;

/// <summary>Certificates made once per test run with the `kms certs` helper, written to files and loaded back.</summary>
public sealed class TestCertificates : IDisposable
{
    private readonly TempFolder _folder = new();

    public TestCertificates()
    {
        CertificateKit.Create(_folder.Path, ["cs", "gn-7", "gn-8"], ["localhost", "127.0.0.1"]);

        using (var foreign = KmsCertificateAuthority.Create("Someone else's CA"))
        {
            ForeignCs = foreign.IssueSae("cs");
        }

        Ca = CertificateFolder.LoadCaCertificate(_folder.Path);
        Server = CertificateFolder.Load(_folder.Path, CertificateFolder.ServerName);
        Cs = CertificateFolder.Load(_folder.Path, "cs");
        Gn7 = CertificateFolder.Load(_folder.Path, "gn-7");
        Gn8 = CertificateFolder.Load(_folder.Path, "gn-8");
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Cs { get; }

    public X509Certificate2 Gn7 { get; }

    public X509Certificate2 Gn8 { get; }

    /// <summary>Gets an SAE certificate named "cs" but issued by a CA the KMS does not trust.</summary>
    public X509Certificate2 ForeignCs { get; }

    public void Dispose()
    {
        foreach (var certificate in new[] { Ca, Server, Cs, Gn7, Gn8, ForeignCs })
        {
            certificate.Dispose();
        }

        _folder.Dispose();
    }
}
