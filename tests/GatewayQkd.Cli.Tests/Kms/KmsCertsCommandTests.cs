using System.Security.Cryptography.X509Certificates;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Cli.Tests.Kms;

public sealed class KmsCertsCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Writes_Pem_Key_And_Pfx_For_Ca_Server_And_Each_Sae()
    {
        var (exit, output, error) = KmsCommandRunner.Run("certs", "--out", _folder.Path, "--sae", "cs", "gn-7");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        foreach (var name in new[] { "ca", "server", "cs", "gn-7" })
        {
            foreach (var extension in new[] { ".crt", ".key", ".pfx" })
            {
                Assert.True(File.Exists(_folder.File(name + extension)), name + extension);
            }

            Assert.Contains(name + ".pfx", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Private_Keys_Are_Readable_By_The_Owner_Only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        File.WriteAllText(_folder.File("cs.key"), "an older key file, world-readable");
        File.SetUnixFileMode(_folder.File("cs.key"), (UnixFileMode)0b110_100_100);

        Assert.Equal(0, KmsCommandRunner.Run("certs", "--out", _folder.Path, "--sae", "cs").ExitCode);

        foreach (var name in new[] { "ca", "server", "cs" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_folder.File(name + ".key")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_folder.File(name + ".pfx")));
        }
    }

    [Fact]
    public void Sae_Certificate_Has_The_Sae_Id_As_Common_Name_And_Chains_To_The_Ca()
    {
        Assert.Equal(0, KmsCommandRunner.Run("certs", "--out", _folder.Path, "--sae", "gn-7").ExitCode);
        using var ca = LoadPem("ca.crt");
        using var sae = LoadPem("gn-7.crt");

        Assert.Equal("gn-7", sae.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.Equal(ca.Subject, sae.Issuer);
        Assert.True(ChainsTo(sae, ca));
    }

    [Fact]
    public void Sae_Certificate_Does_Not_Chain_To_The_Ca_Of_Another_Folder()
    {
        using var other = new TempFolder();
        Assert.Equal(0, KmsCommandRunner.Run("certs", "--out", _folder.Path, "--sae", "cs").ExitCode);
        Assert.Equal(0, KmsCommandRunner.Run("certs", "--out", other.Path, "--sae", "cs").ExitCode);
        using var otherCa = X509Certificate2.CreateFromPem(File.ReadAllText(other.File("ca.crt")));
        using var sae = LoadPem("cs.crt");

        Assert.False(ChainsTo(sae, otherCa));
    }

    [Fact]
    public void Sae_Pfx_Holds_The_Private_Key_Of_The_Pem_Certificate()
    {
        Assert.Equal(0, KmsCommandRunner.Run("certs", "--out", _folder.Path, "--sae", "cs").ExitCode);
        using var pem = X509Certificate2.CreateFromPemFile(_folder.File("cs.crt"), _folder.File("cs.key"));
        using var pfx = X509CertificateLoader.LoadPkcs12FromFile(_folder.File("cs.pfx"), password: null);

        Assert.True(pfx.HasPrivateKey);
        Assert.Equal(pem.Thumbprint, pfx.Thumbprint);
    }

    [Fact]
    public void Server_Certificate_Matches_The_Given_Hosts_Only()
    {
        Assert.Equal(0, KmsCommandRunner.Run("certs", "--out", _folder.Path, "--host", "kms.example", "10.0.0.5").ExitCode);
        using var server = LoadPem("server.crt");

        Assert.True(server.MatchesHostname("kms.example"));
        Assert.True(server.MatchesHostname("10.0.0.5"));
        Assert.False(server.MatchesHostname("localhost"));
    }

    private static bool ChainsTo(X509Certificate2 leaf, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf) && chain.ChainElements[^1].Certificate.Thumbprint == root.Thumbprint;
    }

    private X509Certificate2 LoadPem(string name) => X509Certificate2.CreateFromPem(File.ReadAllText(_folder.File(name)));
}
