using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Kms.Certificates;
using GatewayQkd.Kms.Etsi014;
using GatewayQkd.Kms.Server;

namespace GatewayQkd.Kms.Tests.Certificates;

/// <summary>An SAE certificate must say it is a TLS client (extended key usage clientAuth), not merely come from the CA.</summary>
public sealed class ClientUsageTests : IDisposable
{
    private readonly KmsCertificateAuthority _ca = KmsCertificateAuthority.Create();

    public void Dispose() => _ca.Dispose();

    [Fact]
    public void A_Client_Certificate_With_ClientAuth_Is_Accepted()
    {
        using var cs = _ca.IssueSae("cs");

        Assert.Equal(0, new SaeAuthenticator(_ca.Certificate).Authenticate(cs));
    }

    [Fact]
    public void A_Client_Certificate_Of_The_Right_Ca_Without_Any_Eku_Is_Refused()
    {
        using var noEku = Issue("gn-7", null);

        var error = Assert.Throws<Etsi014Exception>(() => new SaeAuthenticator(_ca.Certificate).Authenticate(noEku));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("no extended key usage 1.3.6.1.5.5.7.3.2", error.Body.Details!.Single().Values.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Server_Only_Certificate_Of_The_Right_Ca_Is_Refused_As_A_Client()
    {
        using var server = Issue("gn-7", CertificateTrust.ServerAuth);

        Assert.Throws<Etsi014Exception>(() => new SaeAuthenticator(_ca.Certificate).Authenticate(server));
    }

    private X509Certificate2 Issue(string commonName, string? usage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca.Certificate, true, false));
        if (usage is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return request.Create(_ca.Certificate, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);
    }
}
